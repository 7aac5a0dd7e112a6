import type { DuplicateList, DuplicateQuery } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { AuthedCtx, VerbArgs } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { duplicateCandidates } from '../duplicates.js';
import { ORDER_MESSAGES } from '../messages.js';
import { canCheckIntakeDuplicates, canPlaceFor, canPlaceOrders } from '../policy.js';
import { findAreaNode } from '../repo.js';
import type { DuplicatePlace } from '../repo-dispatch.js';
import { findHousehold, householdOfResident } from '../repo-places.js';

/** Where an order being placed is: the named household or building, which the actor may order for, or the resident's own home. */
async function intakePlace(ctx: AuthedCtx, q: DuplicateQuery): Promise<DuplicatePlace> {
  const { actor } = ctx;
  authorize(actor, { see: () => true, act: canCheckIntakeDuplicates });
  const own = actor.residentId ? await householdOfResident(ctx.db, actor.residentId) : undefined;
  if (q.householdId) {
    if (own?.id === q.householdId) return own;
    return authorize(await findHousehold(ctx.db, q.householdId), { see: (h) => canPlaceFor(actor, h), entity: 'household' });
  }
  if (q.buildingId && canPlaceOrders(actor)) {
    const building = authorize(await findAreaNode(ctx.db, q.buildingId), {
      see: (b) => b.kind === 'building' && canPlaceFor(actor, b),
      entity: 'building',
    });
    return { ...building, buildingId: building.id };
  }
  if (own) return own;
  throw invalid([{ path: 'householdId', message: ORDER_MESSAGES.placeNeeded()[ctx.locale] }]);
}

/** GET /api/orders/duplicates: 并单 candidates at intake, before the order exists. */
export async function listIntakeDuplicates({ ctx, input }: VerbArgs<DuplicateQuery>): Promise<DuplicateList> {
  const where = await intakePlace(ctx, input);
  return duplicateCandidates(ctx, { serviceId: input.serviceId, text: input.description, where });
}
