import type { ServiceDto, ServiceInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, isUniqueViolation } from '../../../core/errors.js';
import { catalogueStreet } from '../access.js';
import { checkServiceInput } from '../input-check.js';
import { CATALOGUE_MESSAGES } from '../messages.js';
import { canEditCatalogue } from '../policy.js';
import { presentService } from '../presenter.js';
import { findService, insertService, nextPosition } from '../repo.js';

/** Adds a service to a street's catalogue; needs catalogue.write on the street. */
export async function createService({ ctx, input }: VerbArgs<ServiceInput>): Promise<ServiceDto> {
  requireAbility(ctx.actor, 'catalogue.write');
  const found = await catalogueStreet(ctx.db, ctx.actor, input.streetId);
  const street = authorize(found, { see: () => true, act: (s) => canEditCatalogue(ctx.actor, s) });
  let id: string;
  try {
    id = await inTx(ctx, async (tctx) => {
      await checkServiceInput(tctx.tx, ctx.locale, street.id, input);
      const { streetId: _ignored, ...values } = input;
      const serviceId = await insertService(tctx.tx, {
        ...values,
        districtId: street.districtId,
        streetId: street.id,
        position: await nextPosition(tctx.tx, street.id, input.category),
      });
      await writeAudit(tctx, {
        action: 'catalogue.create',
        entityType: 'service',
        entityId: serviceId,
        streetId: street.id,
        details: { code: input.code, category: input.category },
      });
      return serviceId;
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const message = CATALOGUE_MESSAGES.codeTaken()[ctx.locale];
    throw conflict(message, { issues: [{ path: 'code', message }] });
  }
  return presentService((await findService(ctx.db, id))!, true);
}
