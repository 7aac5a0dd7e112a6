import { type OrderStatus, OPEN_STATUSES, TERMINAL_STATUSES } from '@linli/contracts';
import { type SQL, and, asc, desc, eq, gte, ilike, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { orders } from '../../db/schema/index.js';
import type { OrderRow } from './order-row.js';

/** Every area level an order carries, for scopeFilter. */
export const ORDER_SCOPE_COLUMNS = {
  districtId: orders.districtId,
  streetId: orders.streetId,
  communityId: orders.communityId,
  compoundId: orders.compoundId,
  gridId: orders.gridId,
  buildingId: orders.buildingId,
};

/** Open in the list's sense: the clock runs, or it is paused. */
export const LIVE_STATUSES: readonly OrderStatus[] = [...OPEN_STATUSES, 'suspended'];

export function statusCondition(status: OrderStatus | 'open' | 'terminal'): SQL {
  if (status === 'open') return inArray(orders.status, [...LIVE_STATUSES]);
  if (status === 'terminal') return inArray(orders.status, [...TERMINAL_STATUSES]);
  return eq(orders.status, status);
}

/** Running late: a running stage past its deadline, whether or not the deadline job has marked it yet. */
export const isOverdue = sql`(${orders.status} in ('placed', 'dispatched', 'accepted', 'in_progress', 'handled', 'confirmed') and (${orders.overdueSince} is not null or coalesce(${orders.stageDueAt} < now(), false)))`;

/** What the supermarket desk must act on: new or returned, suspended, extension requested, or late. */
export const needsDesk = and(
  // implied by the branches below, but stated so the planner can use the partial index of live orders
  inArray(orders.status, [...LIVE_STATUSES]),
  or(
    inArray(orders.status, ['placed', 'suspended']),
    and(inArray(orders.status, [...OPEN_STATUSES]), or(isNotNull(orders.extensionPendingHours), isOverdue)),
  ),
)!;

/** Eight digits or more look like an order number (yyyymmdd…): searched by prefix only, never in the text. */
const ORDER_NO_LIKE = /^\d{8,15}$/;

/** An order number prefix (digits, an index range on order_no) or a piece of the description. */
export function textCondition(q: string): SQL {
  const byText = ilike(orders.description, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (!/^\d{1,15}$/.test(q)) return byText;
  const upper = (BigInt(q) + 1n).toString().padStart(q.length, '0');
  const byNo = upper.length > q.length ? gte(orders.orderNo, q) : and(gte(orders.orderNo, q), lt(orders.orderNo, upper))!;
  return ORDER_NO_LIKE.test(q) ? byNo : or(byNo, byText)!;
}

export type ListOrder = 'desk' | 'due' | 'newest';

const ORDERINGS: Record<ListOrder, SQL[]> = {
  desk: [desc(orders.emergency), sql`${isOverdue} desc`, sql`${orders.stageDueAt} asc nulls last`, asc(orders.placedAt), asc(orders.id)],
  due: [sql`${orders.stageDueAt} asc nulls last`, asc(orders.placedAt), asc(orders.id)],
  newest: [desc(orders.placedAt), desc(orders.id)],
};

/** Totals stop counting here: paging past ten thousand orders is searching, and counting a district costs seconds. */
export const COUNT_CAP = 10_000;

export type OrderPage = { rows: OrderRow[]; total: number; totalCapped: boolean };

/** One page of orders matching `where` in the given order, and the (capped) count of the whole set. */
export async function orderPage(db: Db | Tx, where: SQL, order: ListOrder, page: { limit: number; offset: number }): Promise<OrderPage> {
  const [rows, counted] = await Promise.all([
    db
      .select()
      .from(orders)
      .where(where)
      .orderBy(...ORDERINGS[order])
      .limit(page.limit)
      .offset(page.offset),
    db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from ${orders} where ${where} limit ${COUNT_CAP}) capped`),
  ]);
  const total = counted.rows[0]?.n ?? 0;
  return { rows, total, totalCapped: total >= COUNT_CAP };
}
