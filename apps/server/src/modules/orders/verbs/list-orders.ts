import type { OrderList, OrderListQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { isLive, orderSelection } from '../list-views.js';
import { presentOrderItem } from '../presenter.js';
import { orderPage } from '../repo-list.js';
import { loadOrderRefs } from '../repo-refs.js';

/**
 * GET /api/orders: orders by view: the desk's queue (emergencies, then late, then by deadline), a handler
 * organisation's workbench (by deadline), mine (placed by or for me, newest first) or all in scope (newest first),
 * with the filters applied and the actor's abilities on each.
 */
export async function listOrders({ ctx, input: q }: VerbArgs<OrderListQuery>): Promise<OrderList> {
  const { selection, order: planned } = await orderSelection(ctx, q);
  const status = q.status ?? (q.view === 'workbench' ? 'open' : undefined);
  // a workbench's history (closed, withdrawn …) has no deadlines left to sort by
  const order = planned === 'due' && status && !isLive(status) ? 'newest' : planned;
  const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  const { rows, total, totalCapped } = await orderPage(ctx.db, { ...selection, status, overdue: q.overdue }, order, page);
  const refs = await loadOrderRefs(ctx.db, rows);
  const now = new Date();
  return { items: rows.map((r) => presentOrderItem(r, refs, ctx.actor, now)), total, totalCapped, page: q.page, pageSize: q.pageSize };
}
