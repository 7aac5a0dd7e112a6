/**
 * Reading one order. `getOrder({ ctx, input: { id }, pii })` answers the OrderDto with the actor's abilities; the
 * move verbs call it after each move (inside or after their transaction; pass the same `pii` the routes got).
 * `loadReadableOrder(ctx, id)` loads a row the actor may read, or throws 404.
 */
import type { OrderDto } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import type { AuthedCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { Pii } from '../../core/pii.js';
import type { Db, Tx } from '../../db/pool.js';
import { orders } from '../../db/schema/index.js';
import { loadOrderRefs } from './order-refs.js';
import type { OrderRow } from './order-row.js';
import { canReadOrder, orderAbilities } from './policy.js';
import { presentOrder } from './presenter.js';
import { communityMayClose } from './settings.js';

/** The order `id` when the actor may read it; 404 when missing or outside what the actor may see. */
export async function loadReadableOrder(ctx: AuthedCtx, id: string, db: Db | Tx = ctx.db): Promise<OrderRow> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  if (!row || !canReadOrder(ctx.actor, row)) throw new AppError('NOT_FOUND', undefined, { entity: 'order' });
  return row;
}

/** Presents an already loaded, readable row (callers that hold the row after a move skip the reload). */
export async function presentReadableOrder(ctx: AuthedCtx, row: OrderRow, pii: Pii, db: Db | Tx = ctx.db): Promise<OrderDto> {
  const [refs, mayClose] = await Promise.all([loadOrderRefs(db, [row]), communityMayClose(db, row.communityId)]);
  const abilities = orderAbilities(ctx.actor, row, { communityMayClose: mayClose });
  return presentOrder(row, { refs, pii, abilities, now: new Date() });
}

/** One order as the actor sees it: clock, names, masked contact phone, the moves available now. */
export async function getOrder({ ctx, input, pii }: { ctx: AuthedCtx; input: { id: string }; pii: Pii }): Promise<OrderDto> {
  const row = await loadReadableOrder(ctx, input.id);
  return presentReadableOrder(ctx, row, pii);
}
