import type { OrderCounts, OrderCountsQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { orderSelection } from '../list-views.js';
import { orderCountsByStatus } from '../repo-list.js';

/** GET /api/orders/counts: counts per status and of late orders for the desk's or the workbench's tabs, in one grouped query. */
export async function countOrders({ ctx, input: q }: VerbArgs<OrderCountsQuery>): Promise<OrderCounts> {
  const { selection } = await orderSelection(ctx, q);
  const rows = await orderCountsByStatus(ctx.db, { ...selection, status: q.view === 'workbench' ? 'open' : undefined });
  return {
    byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])),
    overdue: rows.reduce((sum, r) => sum + r.late, 0),
    total: rows.reduce((sum, r) => sum + r.n, 0),
  };
}
