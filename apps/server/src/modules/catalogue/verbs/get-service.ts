import type { ServiceDto } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { streetOf } from '../access.js';
import { canEditCatalogue, canReadCatalogue } from '../policy.js';
import { presentService } from '../presenter.js';
import { findService, orgStreetsOf } from '../repo.js';

/** One service of a readable street; an inactive one only for its editors. */
export async function getService({ ctx, input }: VerbArgs<{ id: string }>): Promise<ServiceDto> {
  const orgStreets = await orgStreetsOf(ctx.db, ctx.actor);
  const row = authorize(await findService(ctx.db, input.id), {
    see: (r) => canReadCatalogue(ctx.actor, streetOf(r), orgStreets) && (r.active || canEditCatalogue(ctx.actor, streetOf(r))),
    entity: 'service',
  });
  return presentService(row, canEditCatalogue(ctx.actor, streetOf(row)));
}
