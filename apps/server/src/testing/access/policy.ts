import { type Ability, ROLE_ABILITIES, type Role } from '@linli/contracts';
import type { RowKind, Side } from './demo-rows.js';

/** The demo users (seed/users.ts), one per role, and who calls without signing in. */
export const DEMO_CALLERS = [
  'anonymous',
  'admin',
  'street',
  'anping-staff',
  'lvyang-staff',
  'lvyang-grid',
  'lvyang-leader',
  'property',
  'resident',
  'volunteer',
  'evaluator',
] as const;
export type Caller = (typeof DEMO_CALLERS)[number];

const ROLE_OF: Record<Exclude<Caller, 'anonymous'>, Role> = {
  admin: 'system_admin',
  street: 'street_supervisor',
  'anping-staff': 'community_staff',
  'lvyang-staff': 'community_admin',
  'lvyang-grid': 'grid_worker',
  'lvyang-leader': 'building_leader',
  property: 'handler_staff',
  resident: 'resident',
  volunteer: 'volunteer',
  evaluator: 'evaluator',
};

/** Who a route is for: an ability (contracts/roles.ts), anyone signed in, or everyone. */
export type Who = Ability | 'signed-in' | 'public';

/** Rows below the community that sit in a building (the grid worker's and building leader's reach). */
const IN_BUILDING: readonly RowKind[] = ['building', 'household', 'resident', 'order'];

/** Community-level rows a grid worker reads for the people of its grid (a programme's unserved, its community's lists). */
const GRID_READS: readonly RowKind[] = ['programme'];

/**
 * Whether `caller`'s scope reaches a row of `kind` in `side` (DOMAIN.md scopes): the district and street roles reach
 * both communities; community roles their own; the grid worker and building leader the rows of their building
 * (the demo's Green Yangyuan rows are chosen there) but not community-level rows; the handler staff the orders
 * handled by its organisation; residents and volunteers (portal users) their community's activities only.
 */
export function reaches(caller: Caller, kind: RowKind, side: Side): boolean {
  if (kind === 'service') return caller !== 'anonymous';
  if (kind === 'communityCode') return reaches(caller, 'community', side);
  switch (caller) {
    case 'admin':
    case 'street':
    case 'evaluator':
      return true;
    case 'anping-staff':
      return side === 'anping';
    case 'lvyang-staff':
      return side === 'lvyang';
    case 'lvyang-grid':
      return side === 'lvyang' && (IN_BUILDING.includes(kind) || GRID_READS.includes(kind));
    case 'lvyang-leader':
      return side === 'lvyang' && IN_BUILDING.includes(kind);
    case 'property':
      return side === 'lvyang' && kind === 'order';
    case 'resident':
    case 'volunteer':
      // portal users: the activities of the community they live or serve in (both are Green Yangyuan's)
      return side === 'lvyang' && (kind === 'activity' || kind === 'community');
    default:
      return false;
  }
}

export function may(caller: Caller, who: Who): boolean {
  if (who === 'public') return true;
  if (caller === 'anonymous') return false;
  return who === 'signed-in' || ROLE_ABILITIES[ROLE_OF[caller]].includes(who);
}

/**
 * The statuses policy allows for one cell (core/authorize.ts): not signed in 401; a row outside the caller's scope
 * 404; inside it, a caller without the ability 403 (outside, 403 or 404: either refuses without telling); else `ok`.
 */
export function expectedStatuses(
  caller: Caller,
  who: Who,
  row: { kind: RowKind; side: Side; filter?: boolean } | null,
  ok: number,
): number[] {
  if (who !== 'public' && caller === 'anonymous') return [401];
  const allowed = may(caller, who);
  if (!row) return [allowed ? ok : 403];
  // a list filtered by a community is inside when the caller reaches anything in it (a grid, a building)
  const inside = row.filter
    ? reaches(caller, 'community', row.side) || reaches(caller, 'building', row.side)
    : reaches(caller, row.kind, row.side);
  if (allowed) return [inside ? ok : 404];
  // without the ability the row is in no scope of the caller's: 403, or 404 where the module judges `see` first
  return [403, 404];
}
