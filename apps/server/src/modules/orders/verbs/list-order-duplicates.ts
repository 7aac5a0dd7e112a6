import type { DuplicateList } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { loadReadableOrder } from '../access.js';
import { duplicateCandidates } from '../duplicates.js';
import { canCheckOrderDuplicates } from '../policy.js';

/** GET /api/orders/:id/duplicates: 并单 candidates for an order at dispatch, for staff reading orders there only. */
export async function listOrderDuplicates({ ctx, input }: VerbArgs<{ id: string }>): Promise<DuplicateList> {
  const order = authorize(await loadReadableOrder(ctx, input.id), { see: () => true, act: (o) => canCheckOrderDuplicates(ctx.actor, o) });
  return duplicateCandidates(ctx, { serviceId: order.serviceId, text: order.description, where: order, excludeId: order.id });
}
