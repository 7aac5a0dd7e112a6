import type { OrderDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { readOrder } from '../access.js';

/** GET /api/orders/:id: one order as the actor sees it: clock, names, masked contact phone, the moves available now. */
export async function getOrder({ ctx, input }: VerbArgs<{ id: string }>): Promise<OrderDto> {
  return readOrder(ctx, input.id);
}
