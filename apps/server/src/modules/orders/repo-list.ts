import { LIVE_STATUSES, OPEN_STATUSES, type OrderStatus, type OrderListQuery, TERMINAL_STATUSES } from '@linli/contracts';
import { type SQL, and, asc, desc, eq, gte, ilike, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { type Actor, type Assignment, levelKey } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import { escapeLike } from '../../db/like.js';
import type { Db, Tx } from '../../db/pool.js';
import { communityOrderSettings, orders } from '../../db/schema/index.js';
import type { AreaRow, OrderRow } from './repo.js';

const ORDER_SCOPE_COLUMNS = scopeColumnsOf(orders);

/** Which orders a view starts from, decided by the view's access rules (list-views.ts). */
export type OrderViewScope =
  /** in the areas where the actor holds `ability`; the desk's queue narrows that to what needs the desk */
  | { kind: 'area'; actor: Actor; ability: 'orders.desk' | 'orders.read'; deskQueue: boolean }
  | { kind: 'handlerOrgs'; orgIds: string[] }
  | { kind: 'placedOrFor'; userId: string; residentId: string | null }
  /** the closing queue: from the street's assignments always, from a community admin's where the community closes */
  | { kind: 'closing'; actor: Actor; always: Assignment[]; ifCommunityCloses: Assignment[] };

export type OrderStatusFilter = OrderStatus | 'open' | 'terminal';

/** A view's scope narrowed by the list's filters; `area` was already checked against the scope. */
export type OrderSelection = Pick<OrderListQuery, 'serviceId' | 'category' | 'handlerOrgId' | 'q'> & {
  scope: OrderViewScope;
  area: AreaRow | null;
  status?: OrderStatusFilter;
  overdue?: boolean;
};

export type ListOrder = 'desk' | 'due' | 'newest';

function statusCondition(status: OrderStatusFilter): SQL {
  if (status === 'open') return inArray(orders.status, [...LIVE_STATUSES]);
  if (status === 'terminal') return inArray(orders.status, [...TERMINAL_STATUSES]);
  return eq(orders.status, status);
}

/** Running late: a running stage past its deadline, whether or not the deadline job has marked it yet. */
const isOverdue = sql`(${inArray(orders.status, [...OPEN_STATUSES])} and (${orders.overdueSince} is not null or coalesce(${orders.stageDueAt} < now(), false)))`;

/** What the supermarket desk must act on: new or returned, suspended, confirmed (待结案), extension requested, or late. */
const needsDesk = and(
  // implied by the branches below, but stated so the planner can use the partial index of live orders
  inArray(orders.status, [...LIVE_STATUSES]),
  or(
    inArray(orders.status, ['placed', 'suspended', 'confirmed']),
    and(inArray(orders.status, [...OPEN_STATUSES]), or(isNotNull(orders.extensionPendingHours), isOverdue)),
  ),
)!;

/** Waiting to be closed (待结案): confirmed by the resident, or handled and past the time the resident had to confirm. */
const awaitsClosing = or(
  eq(orders.status, 'confirmed'),
  and(eq(orders.status, 'handled'), sql`coalesce(${orders.stageDueAt} < now(), false)`),
)!;

function closingCondition(scope: Extract<OrderViewScope, { kind: 'closing' }>): SQL {
  const within = (assignments: Assignment[]) => scopeFilter({ ...scope.actor, assignments }, 'orders.desk', ORDER_SCOPE_COLUMNS);
  const communityCloses = sql`${orders.communityId} in (select ${communityOrderSettings.communityId} from ${communityOrderSettings}
    where ${communityOrderSettings.communityMayClose})`;
  return and(awaitsClosing, or(within(scope.always), and(within(scope.ifCommunityCloses), communityCloses)))!;
}

/** Eight digits or more look like an order number (yyyymmdd…): searched by prefix only, never in the text. */
const ORDER_NO_LIKE = /^\d{8,15}$/;

/** An order number prefix (digits, an index range on order_no) or a piece of the description. */
function textCondition(q: string): SQL {
  const byText = ilike(orders.description, `%${escapeLike(q)}%`);
  if (!/^\d{1,15}$/.test(q)) return byText;
  const upper = (BigInt(q) + 1n).toString().padStart(q.length, '0');
  const byNo = upper.length > q.length ? gte(orders.orderNo, q) : and(gte(orders.orderNo, q), lt(orders.orderNo, upper))!;
  return ORDER_NO_LIKE.test(q) ? byNo : or(byNo, byText)!;
}

function scopeCondition(scope: OrderViewScope): SQL {
  switch (scope.kind) {
    case 'area': {
      const inScope = scopeFilter(scope.actor, scope.ability, ORDER_SCOPE_COLUMNS);
      return scope.deskQueue ? and(inScope, needsDesk)! : inScope;
    }
    case 'handlerOrgs':
      return inArray(orders.handlerOrgId, scope.orgIds);
    case 'closing':
      return closingCondition(scope);
    case 'placedOrFor': {
      const placedByMe = eq(orders.placedBy, scope.userId);
      return scope.residentId ? or(eq(orders.residentId, scope.residentId), placedByMe)! : placedByMe;
    }
  }
}

function whereOf(s: OrderSelection): SQL {
  const areaColumn = s.area ? ORDER_SCOPE_COLUMNS[levelKey(s.area.kind)] : undefined;
  return and(
    scopeCondition(s.scope),
    s.serviceId ? eq(orders.serviceId, s.serviceId) : undefined,
    s.category ? eq(orders.category, s.category) : undefined,
    s.area && areaColumn ? eq(areaColumn, s.area.id) : undefined,
    s.handlerOrgId ? eq(orders.handlerOrgId, s.handlerOrgId) : undefined,
    s.q ? textCondition(s.q) : undefined,
    s.status ? statusCondition(s.status) : undefined,
    s.overdue === undefined ? undefined : s.overdue ? isOverdue : sql`not ${isOverdue}`,
  )!;
}

const ORDERINGS: Record<ListOrder, SQL[]> = {
  desk: [desc(orders.emergency), sql`${isOverdue} desc`, sql`${orders.stageDueAt} asc nulls last`, asc(orders.placedAt), asc(orders.id)],
  due: [sql`${orders.stageDueAt} asc nulls last`, asc(orders.placedAt), asc(orders.id)],
  newest: [desc(orders.placedAt), desc(orders.id)],
};

/** Totals stop counting here: paging past ten thousand orders is searching, and counting a district costs seconds. */
export const COUNT_CAP = 10_000;

export type OrderPage = { rows: OrderRow[]; total: number; totalCapped: boolean };

/** One page of the selected orders in the given order, and the (capped) count of the whole set. */
export async function orderPage(
  db: Db | Tx,
  selection: OrderSelection,
  order: ListOrder,
  page: { limit: number; offset: number },
): Promise<OrderPage> {
  const where = whereOf(selection);
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

/** The selected orders counted per status, with how many of each are late, in one grouped query. */
export async function orderCountsByStatus(
  db: Db | Tx,
  selection: OrderSelection,
): Promise<{ status: OrderStatus; n: number; late: number }[]> {
  return db
    .select({ status: orders.status, n: sql<number>`count(*)::int`, late: sql<number>`(count(*) filter (where ${isOverdue}))::int` })
    .from(orders)
    .where(whereOf(selection))
    .groupBy(orders.status);
}
