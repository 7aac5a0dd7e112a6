import { type OrderEvent, type Role, availableOrderEvents } from '@linli/contracts';
import { type Actor, canOn, covers } from '../../core/actor.js';
import type { OrderRow } from './order-row.js';

export type { OrderRow } from './order-row.js';

/** Roles that never act on an order through their area: a resident's building assignment is not a licence on neighbours' orders. */
const NOT_BY_AREA: readonly Role[] = ['resident', 'volunteer', 'handler_staff'];

/** The order's own resident, or the resident user who placed it (a proxy placer is staff, not the resident). */
export function isOrderResident(actor: Actor, order: Pick<OrderRow, 'residentId' | 'placedBy'>): boolean {
  if (actor.residentId && actor.residentId === order.residentId) return true;
  const isResidentUser = actor.residentId !== null || actor.roles.includes('resident');
  return isResidentUser && order.placedBy !== null && actor.userId === order.placedBy;
}

/** Member of the order's current handler organisation (处置单位). */
export function isOrderHandler(actor: Actor, order: Pick<OrderRow, 'handlerOrgId'>): boolean {
  return order.handlerOrgId !== null && actor.assignments.some((a) => a.role === 'handler_staff' && a.orgId === order.handlerOrgId);
}

/**
 * The roles `actor` holds on this order: area roles whose assignment covers the order, handler_staff of its current
 * handler organisation, resident when it is theirs. `communityMayClose` is accepted so callers pass the same options
 * here and to the machine; it changes which moves a role may make, not which roles the actor holds.
 */
export function orderRolesOf(actor: Actor, order: OrderRow, _opts: { communityMayClose: boolean }): Role[] {
  const roles = new Set<Role>();
  for (const a of actor.assignments) {
    if (NOT_BY_AREA.includes(a.role)) continue;
    if (covers(a, order)) roles.add(a.role);
  }
  if (isOrderHandler(actor, order)) roles.add('handler_staff');
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

/** Anyone who can read an order may comment on it. */
export function canComment(actor: Actor, order: OrderRow): boolean {
  return canReadOrder(actor, order);
}

/** Internal comments: staff and handlers only, never residents. */
export function canCommentInternal(actor: Actor, order: OrderRow): boolean {
  return canSeeInternal(actor, order);
}

/** The desk (超市) acting on this order: dispatch suggestions, duplicates at dispatch. */
export function isOrderDesk(actor: Actor, order: OrderRow): boolean {
  return canOn(actor, 'orders.desk', order);
}

export type OrderAbilities = { events: OrderEvent[]; canComment: boolean; canCommentInternal: boolean };

/** What the presenter attaches to an OrderDto: the moves available now and the comment rights. */
export function orderAbilities(actor: Actor, order: OrderRow, opts: { communityMayClose: boolean }): OrderAbilities {
  const events = availableOrderEvents(
    {
      status: order.status,
      suspendedFrom: order.suspendedFrom,
      extensionPending: order.extensionPendingHours !== null,
      actorIsHandler: isOrderHandler(actor, order) || (order.handledBy !== null && order.handledBy === actor.userId),
      communityMayClose: opts.communityMayClose,
    },
    orderRolesOf(actor, order, opts),
  );
  return { events, canComment: canComment(actor, order), canCommentInternal: canCommentInternal(actor, order) };
}
