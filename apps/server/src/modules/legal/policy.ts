import { UNSCOPED_ROLE } from '@linli/contracts';
import { type Actor, type ScopedRow, assignmentsWith, canOn } from '../../core/actor.js';

/** A community's duty roster is public within it: anyone assigned in, under or above the community reads it. */
export function canReadRoster(actor: Actor, community: ScopedRow): boolean {
  return actor.assignments.some(
    (a) =>
      a.role === UNSCOPED_ROLE ||
      (a.communityId !== null && a.communityId === community.communityId) ||
      canOn(actor, 'areas.read', community),
  );
}

/** Recording and reading consultations: legal.use covering the community. */
export function canUseLegal(actor: Actor, row: ScopedRow): boolean {
  return canOn(actor, 'legal.use', row);
}

/** The actor's only community with legal.use (null when several or none), for a consultation without a resident. */
export function ownLegalCommunity(actor: Actor): string | null {
  const ids = new Set(assignmentsWith(actor, 'legal.use').map((a) => a.communityId));
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

/** Using a center: its community's legal.use, or for a street's center any legal.use in that street. */
export function canUseCenter(actor: Actor, org: ScopedRow & { communityId: string | null; streetId: string }): boolean {
  if (org.communityId) return canUseLegal(actor, org);
  return assignmentsWith(actor, 'legal.use').some((a) => a.role === UNSCOPED_ROLE || a.streetId === org.streetId);
}
