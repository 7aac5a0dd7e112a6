import type { ServiceDto, UpdateServiceInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { streetOf } from '../access.js';
import { checkServiceInput } from '../input-check.js';
import { canEditCatalogue, canReadCatalogue } from '../policy.js';
import { presentService } from '../presenter.js';
import { type ServiceInsert, findService, lockService, nextPosition, orgStreetsOf, updateServiceRow } from '../repo.js';

export type UpdateServiceArgs = UpdateServiceInput & { id: string };

/** Edits a service (fields, limits, default org, activation); needs catalogue.write on its street. */
export async function updateService({ ctx, input }: VerbArgs<UpdateServiceArgs>): Promise<ServiceDto> {
  const { id, ...changes } = input;
  await inTx(ctx, async (tctx) => {
    const orgStreets = await orgStreetsOf(tctx.tx, ctx.actor);
    const row = authorize(await lockService(tctx.tx, id), {
      see: (r) => canReadCatalogue(ctx.actor, streetOf(r), orgStreets),
      act: (r) => canEditCatalogue(ctx.actor, streetOf(r)),
      entity: 'service',
    });
    await checkServiceInput(tctx.tx, ctx.locale, row.streetId, changes);
    const changed = (Object.keys(changes) as (keyof UpdateServiceInput)[]).filter((k) => changes[k] !== undefined);
    const patch: Partial<ServiceInsert> = Object.fromEntries(changed.map((k) => [k, changes[k]]));
    if (changes.category !== undefined && changes.category !== row.category)
      patch.position = await nextPosition(tctx.tx, row.streetId, changes.category);
    await updateServiceRow(tctx.tx, id, patch);
    await writeAudit(tctx, {
      action: 'catalogue.update',
      entityType: 'service',
      entityId: id,
      streetId: row.streetId,
      details: { fields: changed },
    });
  });
  return presentService((await findService(ctx.db, id))!, true);
}
