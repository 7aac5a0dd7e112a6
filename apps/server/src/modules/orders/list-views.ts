import { LIVE_STATUSES, type OrderListQuery, type OrderStatus, rolesFor } from '@linli/contracts';
import type { Actor, Assignment } from '../../core/actor.js';
import { authorize, requireAbility } from '../../core/authorize.js';
import type { AuthedCtx } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { canFilterByArea, handlerOrgIdsOf } from './policy.js';
import { findAreaNode } from './repo.js';
import type { ListOrder, OrderSelection, OrderStatusFilter, OrderViewScope } from './repo-list.js';

const STREET_CLOSERS = rolesFor('close');
const COMMUNITY_CLOSERS = rolesFor('close', true).filter((r) => !STREET_CLOSERS.includes(r));

/** The assignments from which the actor closes orders: always (the street), or where the community is configured to. */
export function closingAssignments(actor: Actor): { always: Assignment[]; ifCommunityCloses: Assignment[] } {
  return {
    always: actor.assignments.filter((a) => STREET_CLOSERS.includes(a.role)),
    ifCommunityCloses: actor.assignments.filter((a) => COMMUNITY_CLOSERS.includes(a.role)),
  };
}

type ViewPlan = { scope: OrderViewScope; order: ListOrder; ability: 'orders.desk' | 'orders.read' | null };

/** Which orders a view shows and how they are ordered, before the filters; 403/404 when the view is not the actor's. */
function planView(actor: Actor, q: Pick<OrderListQuery, 'view' | 'handlerOrgId'>): ViewPlan {
  switch (q.view) {
    case 'desk':
      requireAbility(actor, 'orders.desk');
      return { scope: { kind: 'area', actor, ability: 'orders.desk', deskQueue: true }, order: 'desk', ability: 'orders.desk' };
    case 'workbench': {
      requireAbility(actor, 'orders.handle');
      const mine = handlerOrgIdsOf(actor);
      // a system admin holds every ability but works for no handler organisation
      if (mine.length === 0) throw forbidden();
      const orgIds = q.handlerOrgId ? [authorize(q.handlerOrgId, { see: (id) => mine.includes(id), entity: 'org' })] : mine;
      return { scope: { kind: 'handlerOrgs', orgIds }, order: 'due', ability: null };
    }
    case 'mine':
      return { scope: { kind: 'placedOrFor', userId: actor.userId, residentId: actor.residentId }, order: 'newest', ability: null };
    case 'closing': {
      requireAbility(actor, 'orders.desk');
      const closers = closingAssignments(actor);
      if (closers.always.length + closers.ifCommunityCloses.length === 0) throw forbidden();
      return { scope: { kind: 'closing', actor, ...closers }, order: 'due', ability: 'orders.desk' };
    }
    case 'all':
      requireAbility(actor, 'orders.read');
      return { scope: { kind: 'area', actor, ability: 'orders.read', deskQueue: false }, order: 'newest', ability: 'orders.read' };
  }
}

type Filters = Omit<OrderListQuery, 'page' | 'pageSize' | 'status' | 'overdue'>;

/** The view's orders narrowed by every filter but status and lateness; an area outside the view's scope answers 404. */
export async function orderSelection(ctx: AuthedCtx, q: Filters): Promise<{ selection: OrderSelection; order: ListOrder }> {
  const plan = planView(ctx.actor, q);
  const area = q.areaId
    ? authorize(await findAreaNode(ctx.db, q.areaId), { see: (a) => canFilterByArea(ctx.actor, plan.ability, a), entity: 'area' })
    : null;
  const handlerOrgId = q.view === 'workbench' ? undefined : q.handlerOrgId;
  return { selection: { scope: plan.scope, area, serviceId: q.serviceId, category: q.category, handlerOrgId, q: q.q }, order: plan.order };
}

/** Live in the list's sense: the clock runs, or it is paused. */
export function isLive(status: OrderStatusFilter): boolean {
  return status === 'open' || LIVE_STATUSES.includes(status as OrderStatus);
}
