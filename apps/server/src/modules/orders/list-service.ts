import type { Ability, OrderCounts, OrderCountsQuery, OrderList, OrderListQuery, OrderStatus } from '@linli/contracts';
import { type SQL, and, eq, inArray, or, sql } from 'drizzle-orm';
import { type Actor, canOn, hasAbility, levelKey } from '../../core/actor.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { scopeFilter } from '../../core/scope.js';
import { areaNodes, orders } from '../../db/schema/index.js';
import {
  LIVE_STATUSES,
  type ListOrder,
  ORDER_SCOPE_COLUMNS,
  isOverdue,
  needsDesk,
  orderPage,
  statusCondition,
  textCondition,
} from './list-repo.js';
import { loadOrderRefs } from './order-refs.js';
import { presentOrderItem } from './presenter.js';

const missing = () => new AppError('NOT_FOUND');
const isLive = (status: OrderStatus | 'open' | 'terminal') => status === 'open' || LIVE_STATUSES.includes(status as OrderStatus);

/** The handler organisations the actor works for (handler_staff assignments). */
export function handlerOrgIdsOf(actor: Actor): string[] {
  return [...new Set(actor.assignments.filter((a) => a.role === 'handler_staff' && a.orgId).map((a) => a.orgId!))];
}

type ViewPlan = { where: SQL; order: ListOrder; ability: Ability | null };

/** Which orders a view shows and how they are ordered, before the filters. */
function planView(actor: Actor, q: OrderListQuery): ViewPlan {
  switch (q.view) {
    case 'desk':
      if (!hasAbility(actor, 'orders.desk')) throw forbidden();
      return { where: and(scopeFilter(actor, 'orders.desk', ORDER_SCOPE_COLUMNS), needsDesk)!, order: 'desk', ability: 'orders.desk' };
    case 'workbench': {
      const mine = handlerOrgIdsOf(actor);
      if (mine.length === 0) throw forbidden();
      if (q.handlerOrgId && !mine.includes(q.handlerOrgId)) throw missing();
      const orgs = q.handlerOrgId ? [q.handlerOrgId] : mine;
      return { where: inArray(orders.handlerOrgId, orgs), order: 'due', ability: null };
    }
    case 'mine': {
      const placedByMe = eq(orders.placedBy, actor.userId);
      return {
        where: actor.residentId ? or(eq(orders.residentId, actor.residentId), placedByMe)! : placedByMe,
        order: 'newest',
        ability: null,
      };
    }
    case 'all':
      if (!hasAbility(actor, 'orders.read')) throw forbidden();
      return { where: scopeFilter(actor, 'orders.read', ORDER_SCOPE_COLUMNS), order: 'newest', ability: 'orders.read' };
  }
}

/** The chosen area as a condition; an area outside the view's scope answers 404 like any row outside it. */
async function areaCondition(ctx: AuthedCtx, areaId: string, ability: Ability | null): Promise<SQL> {
  const [area] = await ctx.db.select().from(areaNodes).where(eq(areaNodes.id, areaId));
  if (!area || (ability && !canOn(ctx.actor, ability, area))) throw missing();
  return eq(ORDER_SCOPE_COLUMNS[levelKey(area.kind)], area.id);
}

type Filters = Omit<OrderListQuery, 'page' | 'pageSize' | 'status' | 'overdue'>;

/** The view's rows narrowed by every filter but status and lateness (which the tabs count by). */
async function filtersOf(ctx: AuthedCtx, q: Filters, plan: ViewPlan): Promise<SQL> {
  return and(
    plan.where,
    q.serviceId ? eq(orders.serviceId, q.serviceId) : undefined,
    q.category ? eq(orders.category, q.category) : undefined,
    q.areaId ? await areaCondition(ctx, q.areaId, plan.ability) : undefined,
    q.handlerOrgId && q.view !== 'workbench' ? eq(orders.handlerOrgId, q.handlerOrgId) : undefined,
    q.q ? textCondition(q.q) : undefined,
  )!;
}

/** Counts per status and of late orders for the desk's or the workbench's tabs, in one grouped query. */
export async function countOrders({ ctx, input: q }: { ctx: AuthedCtx; input: OrderCountsQuery }): Promise<OrderCounts> {
  const plan = planView(ctx.actor, { ...q, page: 1, pageSize: 1 });
  const where = and(await filtersOf(ctx, q, plan), q.view === 'workbench' ? statusCondition('open') : undefined)!;
  const rows = await ctx.db
    .select({ status: orders.status, n: sql<number>`count(*)::int`, late: sql<number>`(count(*) filter (where ${isOverdue}))::int` })
    .from(orders)
    .where(where)
    .groupBy(orders.status);
  return {
    byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])),
    overdue: rows.reduce((sum, r) => sum + r.late, 0),
    total: rows.reduce((sum, r) => sum + r.n, 0),
  };
}

/**
 * Orders by view: the desk's queue (emergencies, then late, then by deadline), a handler organisation's workbench
 * (by deadline), mine (placed by or for me, newest first) or all in scope (newest first), with the filters applied.
 */
export async function listOrders({ ctx, input: q }: { ctx: AuthedCtx; input: OrderListQuery }): Promise<OrderList> {
  const plan = planView(ctx.actor, q);
  const status = q.status ?? (q.view === 'workbench' ? 'open' : undefined);
  const where = and(
    await filtersOf(ctx, q, plan),
    status ? statusCondition(status) : undefined,
    q.overdue === undefined ? undefined : q.overdue ? isOverdue : sql`not ${isOverdue}`,
  )!;
  // a workbench's history (closed, withdrawn …) has no deadlines left to sort by
  const order = plan.order === 'due' && status && !isLive(status) ? 'newest' : plan.order;
  const { rows, total, totalCapped } = await orderPage(ctx.db, where, order, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const refs = await loadOrderRefs(ctx.db, rows);
  const now = new Date();
  return { items: rows.map((r) => presentOrderItem(r, refs, now)), total, totalCapped, page: q.page, pageSize: q.pageSize };
}
