import type { Role } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';

/** Why a user hears of an event: as the order's resident (or placer), its handler, the desk, or up the ladder. */
export type Audience = 'resident' | 'handler' | 'desk' | 'ladder';
export const AUDIENCE = { resident: 'resident', handler: 'handler', desk: 'desk', ladder: 'ladder' } as const satisfies {
  [A in Audience]: A;
};

/** Moves the resident is told of (never internal entries). */
export const RESIDENT_KINDS = [
  'dispatch',
  'accept',
  'handle',
  'merge',
  'absorb',
  'withdraw',
  'close',
  'comment',
  'approve_extension',
] as const;
/** The handler organisation's staff; reminders and overdue only while the clock is theirs (accept, handle). */
export const HANDLER_KINDS = ['dispatch', 'transfer', 'contest', 'comment', 'reminder', 'overdue'] as const;
/** 超市 desk of the community; a reminder while the order waits for dispatch is theirs too. */
export const DESK_KINDS = ['place', 'return', 'request_extension', 'contest', 'overdue'] as const;

/** 处置单位 staff: told of their organisation's orders. */
export const HANDLER_ROLES: readonly Role[] = ['handler_staff'];
/** The 超市 desk: staff and admins of the order's community, or of its street or district. */
export const DESK_ROLES: readonly Role[] = ['community_staff', 'community_admin'];
/** Who an overdue order escalates to at each rung of the ladder (grid, then community, then street). */
export const LADDER_ROLES = {
  grid: 'grid_worker',
  community: 'community_admin',
  street: 'street_supervisor',
} as const satisfies Record<string, Role>;

/** A notification is its recipient's alone: anyone else's answers 404. */
export const canSeeNotification = (actor: Actor, row: { userId: string }): boolean => row.userId === actor.userId;
