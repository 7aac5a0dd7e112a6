import { z } from 'zod';
import type { Role } from './roles.js';

/**
 * The one state machine of a service order (工单). Placed (点单) → dispatched (派单) → accepted → in progress →
 * handled → confirmed (or contested, back to in progress) → closed (结案). Side moves: returned (退单, back to
 * placed), transferred, extension (延期) requested/approved/rejected, suspended/resumed, merged (并单), withdrawn.
 */
export const OrderStatus = z.enum([
  'placed',
  'dispatched',
  'accepted',
  'in_progress',
  'handled',
  'confirmed',
  'closed',
  'suspended',
  'merged',
  'withdrawn',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderEvent = z.enum([
  'dispatch',
  'transfer',
  'return',
  'accept',
  'start',
  'handle',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'suspend',
  'resume',
  'merge',
  'withdraw',
  'confirm',
  'contest',
  'close',
]);
export type OrderEvent = z.infer<typeof OrderEvent>;

/** Outcomes at closing: resolved, closed unresolved, not our responsibility, duplicate, withdrawn. */
export const OrderOutcome = z.enum(['resolved', 'unresolved', 'not_responsible', 'duplicate', 'withdrawn']);
export type OrderOutcome = z.infer<typeof OrderOutcome>;

export const TERMINAL_STATUSES: readonly OrderStatus[] = ['closed', 'merged', 'withdrawn'];
/** Statuses whose clock runs (a stage deadline applies). */
export const OPEN_STATUSES: readonly OrderStatus[] = ['placed', 'dispatched', 'accepted', 'in_progress', 'handled', 'confirmed'];
/** Not ended: the clock runs, or it is paused (suspended). */
export const LIVE_STATUSES: readonly OrderStatus[] = [...OPEN_STATUSES, 'suspended'];

/** 超市 desk: community staff and admins, the street, system admins. */
export const DESK_ROLES: readonly Role[] = ['system_admin', 'street_supervisor', 'community_admin', 'community_staff'];
export const HANDLER_ROLES: readonly Role[] = ['handler_staff'];
/**
 * Who works an order: its handler organisation's staff, and the team volunteer a volunteer team's leader handed it to
 * (红管家). The volunteer never returns it to the desk (退单): they give it back to their leader (volunteers module).
 */
export const WORKER_ROLES: readonly Role[] = [...HANDLER_ROLES, 'volunteer'];
/** Staff who may record a resident's confirmation or contest on a return visit (回访). */
export const RETURN_VISIT_ROLES: readonly Role[] = ['community_admin', 'community_staff', 'grid_worker'];
/** Closers (结案): the street; the community admin too where the community is configured to close. */
export const CLOSER_ROLES: readonly Role[] = ['system_admin', 'street_supervisor'];

type Move = {
  from: readonly OrderStatus[];
  /** 'same' keeps the status; 'previous' returns to the status before suspension */
  to: OrderStatus | 'same' | 'previous';
  roles: readonly Role[];
};

/** A handler is working on it: handling, extensions. */
export const WORKING_STATUSES: readonly OrderStatus[] = ['accepted', 'in_progress'];

export const ORDER_MOVES: Record<OrderEvent, Move> = {
  dispatch: { from: ['placed'], to: 'dispatched', roles: DESK_ROLES },
  transfer: { from: ['dispatched', 'accepted', 'in_progress'], to: 'dispatched', roles: DESK_ROLES },
  return: { from: ['dispatched', 'accepted'], to: 'placed', roles: HANDLER_ROLES },
  accept: { from: ['dispatched'], to: 'accepted', roles: WORKER_ROLES },
  start: { from: ['accepted'], to: 'in_progress', roles: WORKER_ROLES },
  handle: { from: WORKING_STATUSES, to: 'handled', roles: WORKER_ROLES },
  request_extension: { from: WORKING_STATUSES, to: 'same', roles: WORKER_ROLES },
  approve_extension: { from: WORKING_STATUSES, to: 'same', roles: DESK_ROLES },
  reject_extension: { from: WORKING_STATUSES, to: 'same', roles: DESK_ROLES },
  suspend: { from: ['placed', 'dispatched', 'accepted', 'in_progress'], to: 'suspended', roles: DESK_ROLES },
  resume: { from: ['suspended'], to: 'previous', roles: DESK_ROLES },
  merge: { from: ['placed', 'dispatched'], to: 'merged', roles: DESK_ROLES },
  withdraw: { from: ['placed', 'dispatched', 'accepted', 'suspended'], to: 'withdrawn', roles: ['resident', ...DESK_ROLES] },
  confirm: { from: ['handled'], to: 'confirmed', roles: ['resident', ...RETURN_VISIT_ROLES] },
  contest: { from: ['handled'], to: 'in_progress', roles: ['resident', ...RETURN_VISIT_ROLES] },
  close: { from: ['placed', 'handled', 'confirmed'], to: 'closed', roles: CLOSER_ROLES },
};

/** Outcomes a close may carry from each status: an order never handled cannot be closed as resolved. */
export const CLOSE_OUTCOMES: Partial<Record<OrderStatus, readonly OrderOutcome[]>> = {
  placed: ['not_responsible', 'duplicate', 'unresolved'],
  handled: ['resolved', 'unresolved', 'not_responsible'],
  confirmed: ['resolved', 'unresolved', 'not_responsible'],
};

/** What the machine needs to know about the order and the actor besides status, event and role. */
export type OrderMoveContext = {
  status: OrderStatus;
  /** the status a suspended order resumes to */
  suspendedFrom?: OrderStatus | null;
  extensionPending?: boolean;
  /** the actor handled this order or belongs to its handler organisation: such an actor may not close it */
  actorIsHandler?: boolean;
  /** the community lets its admin close orders instead of the street */
  communityMayClose?: boolean;
  outcome?: OrderOutcome | null;
};

export type OrderMoveResult =
  | { ok: true; to: OrderStatus }
  | { ok: false; reason: 'role' }
  | { ok: false; reason: 'state' }
  | { ok: false; reason: 'guard'; guard: 'extension_pending' | 'no_extension_pending' | 'closer_is_handler' | 'outcome' };

/** The roles that may make `event`, with the community-close option applied. */
export function rolesFor(event: OrderEvent, communityMayClose = false): readonly Role[] {
  const roles = ORDER_MOVES[event].roles;
  return event === 'close' && communityMayClose ? [...roles, 'community_admin'] : roles;
}

/**
 * Decides one move: `role` (a role the actor holds on this order) making `event` on an order in `ctx`.
 * Role is checked before state so that a forbidden role answers 403 whatever the state.
 */
export function decideOrderMove(ctx: OrderMoveContext, event: OrderEvent, role: Role): OrderMoveResult {
  const move = ORDER_MOVES[event];
  if (!rolesFor(event, ctx.communityMayClose).includes(role)) return { ok: false, reason: 'role' };
  if (!move.from.includes(ctx.status)) return { ok: false, reason: 'state' };
  if (event === 'request_extension' && ctx.extensionPending) return { ok: false, reason: 'guard', guard: 'extension_pending' };
  if ((event === 'approve_extension' || event === 'reject_extension') && !ctx.extensionPending) {
    return { ok: false, reason: 'guard', guard: 'no_extension_pending' };
  }
  if (event === 'close') {
    if (ctx.actorIsHandler) return { ok: false, reason: 'guard', guard: 'closer_is_handler' };
    if (!ctx.outcome || !(CLOSE_OUTCOMES[ctx.status] ?? []).includes(ctx.outcome)) return { ok: false, reason: 'guard', guard: 'outcome' };
  }
  if (move.to === 'same') return { ok: true, to: ctx.status };
  if (move.to === 'previous') return ctx.suspendedFrom ? { ok: true, to: ctx.suspendedFrom } : { ok: false, reason: 'state' };
  return { ok: true, to: move.to };
}

/** The events some role among `roles` could make now: the web shows these as buttons. */
export function availableOrderEvents(ctx: OrderMoveContext, roles: readonly Role[]): OrderEvent[] {
  return OrderEvent.options.filter((event) => {
    const probe = event === 'close' ? { ...ctx, outcome: (CLOSE_OUTCOMES[ctx.status] ?? [])[0] ?? null } : ctx;
    return roles.some((role) => decideOrderMove(probe, event, role).ok);
  });
}
