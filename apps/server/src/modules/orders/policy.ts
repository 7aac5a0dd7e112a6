import {
  type OrderAbilities,
  type OrderMoveContext,
  type OrderMoveInput,
  type OrderMoveResult,
  type Role,
  availableOrderEvents,
  decideOrderMove,
} from '@linli/contracts';
import { type Actor, type ScopedRow, assignmentsWith, canOn, covers, hasAbility } from '../../core/actor.js';
import type { OrderRow } from './repo.js';

/** Roles that never act on an order through their area: a resident's building assignment is not a licence on neighbours' orders. */
const NOT_BY_AREA: readonly Role[] = ['resident', 'volunteer', 'handler_staff'];

/** The order's own resident, or the resident user who placed it (a proxy placer is staff, not the resident). */
export function isOrderResident(actor: Actor, order: Pick<OrderRow, 'residentId' | 'placedBy'>): boolean {
  if (actor.residentId && actor.residentId === order.residentId) return true;
  const isResidentUser = actor.residentId !== null || actor.roles.includes('resident');
  return isResidentUser && order.placedBy !== null && actor.userId === order.placedBy;
}

/**
 * A volunteer of a volunteer team's organisation to whom the team leader handed the order (红管家): they work it
 * like handler staff. The hand-over itself is the volunteers module's (leader and roster are its data).
 */
export function isHandedVolunteer(actor: Actor, order: Pick<OrderRow, 'handlerOrgId' | 'handlerUserId'>): boolean {
  return (
    order.handlerOrgId !== null &&
    order.handlerUserId === actor.userId &&
    actor.assignments.some((a) => a.role === 'volunteer' && a.orgId === order.handlerOrgId)
  );
}

/** Staff of the order's current handler organisation (处置单位). */
function isHandlerStaffOf(actor: Actor, order: Pick<OrderRow, 'handlerOrgId'>): boolean {
  return order.handlerOrgId !== null && actor.assignments.some((a) => a.role === 'handler_staff' && a.orgId === order.handlerOrgId);
}

/** Member of the order's current handler organisation (处置单位), or the team volunteer it was handed to. */
export function isOrderHandler(actor: Actor, order: Pick<OrderRow, 'handlerOrgId' | 'handlerUserId'>): boolean {
  return isHandlerStaffOf(actor, order) || isHandedVolunteer(actor, order);
}

/**
 * The roles `actor` holds on this order: area roles whose assignment covers the order, handler_staff of its current
 * handler organisation (volunteer for the team volunteer it was handed to), resident when it is theirs. `communityMayClose` is accepted so callers pass the same options
 * here and to the machine; it changes which moves a role may make, not which roles the actor holds.
 */
export function orderRolesOf(actor: Actor, order: OrderRow, _opts: { communityMayClose: boolean }): Role[] {
  const roles = new Set<Role>();
  for (const a of actor.assignments) {
    if (NOT_BY_AREA.includes(a.role)) continue;
    if (covers(a, order)) roles.add(a.role);
  }
  if (isHandlerStaffOf(actor, order)) roles.add('handler_staff');
  // a handed volunteer works the order as `volunteer`: the machine lets them work it, not return it to the desk
  else if (isHandedVolunteer(actor, order)) roles.add('volunteer');
  if (isOrderResident(actor, order)) roles.add('resident');
  return [...roles];
}

/** Reading an order: orders.read covering its area, staff of its current handler organisation, or its resident/placer. */
export function canReadOrder(actor: Actor, order: OrderRow): boolean {
  const placedIt = order.placedBy !== null && order.placedBy === actor.userId;
  return canOn(actor, 'orders.read', order) || isOrderHandler(actor, order) || isOrderResident(actor, order) || placedIt;
}

/** Staff reading through their area or the handler organisation; residents never see internal entries. */
export function canSeeInternal(actor: Actor, order: OrderRow): boolean {
  return canOn(actor, 'orders.read', order) || isOrderHandler(actor, order);
}

/** Staff who work orders where this one is (place or desk there); read-only roles such as evaluators do not. */
function worksOrdersAt(actor: Actor, order: OrderRow): boolean {
  return canOn(actor, 'orders.place', order) || canOn(actor, 'orders.desk', order);
}

/** Commenting: its resident or placer, its handler organisation, or staff who work orders there; never read-only readers. */
export function canComment(actor: Actor, order: OrderRow): boolean {
  const placedIt = order.placedBy !== null && order.placedBy === actor.userId;
  return isOrderResident(actor, order) || placedIt || isOrderHandler(actor, order) || worksOrdersAt(actor, order);
}

/** Internal comments: staff who work orders there and handlers only, never residents nor read-only readers. */
export function canCommentInternal(actor: Actor, order: OrderRow): boolean {
  return isOrderHandler(actor, order) || worksOrdersAt(actor, order);
}

/** A handler organisation serves the order's area: same street, and a community organisation only its own community. */
export function orgServesOrder(org: { streetId: string; communityId: string | null }, order: Pick<OrderRow, 'streetId' | 'communityId'>) {
  return org.streetId === order.streetId && (org.communityId === null || org.communityId === order.communityId);
}

/** The desk (超市) acting on this order: dispatch suggestions, duplicates at dispatch. */
export function isOrderDesk(actor: Actor, order: OrderRow): boolean {
  return canOn(actor, 'orders.desk', order);
}

/** What the state machine needs to know about the order and the actor, besides the event and the role. */
function machineContextOf(actor: Actor, order: OrderRow, communityMayClose: boolean): OrderMoveContext {
  return {
    status: order.status,
    suspendedFrom: order.suspendedFrom,
    extensionPending: order.extensionPendingHours !== null,
    actorIsHandler: isOrderHandler(actor, order) || (order.handledBy !== null && order.handledBy === actor.userId),
    communityMayClose,
  };
}

/** What the presenter attaches to every order DTO, list items included: the moves available now and the comment rights. */
export function orderAbilities(actor: Actor, order: OrderRow, opts: { communityMayClose: boolean }): OrderAbilities {
  const events = availableOrderEvents(machineContextOf(actor, order, opts.communityMayClose), orderRolesOf(actor, order, opts));
  return { events, canComment: canComment(actor, order), canCommentInternal: canCommentInternal(actor, order) };
}

export type MoveDecision = { role: Role; result: OrderMoveResult };

/** The machine's answer for each role the actor holds on the order; the resident first, so their rating counts as their own. */
export function decideMoveForActor(actor: Actor, order: OrderRow, input: OrderMoveInput, communityMayClose: boolean): MoveDecision[] {
  const roles = orderRolesOf(actor, order, { communityMayClose });
  const ordered = [...roles].sort((a, b) => Number(b === 'resident') - Number(a === 'resident'));
  const machine = { ...machineContextOf(actor, order, communityMayClose), outcome: input.event === 'close' ? input.outcome : null };
  return ordered.map((role) => ({ role, result: decideOrderMove(machine, input.event, role) }));
}

/** Making `input` on the order at all: some role the actor holds on it may make the move (else 403, whatever the state). */
export function canAttemptMove(actor: Actor, order: OrderRow, input: OrderMoveInput, communityMayClose: boolean): boolean {
  return decideMoveForActor(actor, order, input, communityMayClose).some((d) => d.result.ok || d.result.reason !== 'role');
}

/** A confirmation or contest is the resident's own, or recorded by staff on a return visit (回访). */
export function ratingVia(role: Role): 'self' | 'return_visit' {
  return role === 'resident' ? 'self' : 'return_visit';
}

/** The handler organisations the actor works for (handler_staff assignments). */
export function handlerOrgIdsOf(actor: Actor): string[] {
  return [...new Set(actor.assignments.filter((a) => a.role === 'handler_staff' && a.orgId).map((a) => a.orgId!))];
}

/** Placing an order for a household or building: orders.place covering it. */
export function canPlaceFor(actor: Actor, place: ScopedRow): boolean {
  return canOn(actor, 'orders.place', place);
}

/** Taking an order in at a place through a channel's ability: a proxy (orders.place) or the desk (orders.desk) covering it. */
export function canOrderAt(actor: Actor, ability: 'orders.place' | 'orders.desk', place: ScopedRow): boolean {
  return canOn(actor, ability, place);
}

/** The community of the actor's desk assignment, for a desk call that names no household or building. */
export function deskCommunityOf(actor: Actor): string | null {
  return assignmentsWith(actor, 'orders.desk').find((a) => a.communityId)?.communityId ?? null;
}

/** Placing orders for others somewhere (proxy, desk): orders.place in some assignment. */
export function canPlaceOrders(actor: Actor): boolean {
  return hasAbility(actor, 'orders.place');
}

/** 并单 hints at intake: anyone who may place orders, or a resident for their own home. */
export function canCheckIntakeDuplicates(actor: Actor): boolean {
  return canPlaceOrders(actor) || actor.residentId !== null;
}

/** 并单 hints at dispatch: staff reading orders where the order is (not its resident nor its handler). */
export function canCheckOrderDuplicates(actor: Actor, order: OrderRow): boolean {
  return canOn(actor, 'orders.read', order);
}

/** An area filter of a list: inside the view's scope, where the view has one. */
export function canFilterByArea(actor: Actor, ability: 'orders.desk' | 'orders.read' | null, area: ScopedRow): boolean {
  return ability === null || canOn(actor, ability, area);
}

/** A community's order settings: anyone reading orders there. */
export function canReadOrderSettings(actor: Actor, community: ScopedRow & { kind: string }): boolean {
  return community.kind === 'community' && canOn(actor, 'orders.read', community);
}

/** Changing who closes: a street supervisor or system admin covering the community. */
export function canEditOrderSettings(actor: Actor, community: ScopedRow): boolean {
  return actor.assignments.some((a) => (a.role === 'street_supervisor' || a.role === 'system_admin') && covers(a, community));
}
