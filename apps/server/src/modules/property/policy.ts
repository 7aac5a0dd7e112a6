import type { Role } from '@linli/contracts';
import { type Actor, type ScopedRow, assignmentsWith, covers } from '../../core/actor.js';

const EDITORS: readonly Role[] = ['system_admin', 'street_supervisor', 'community_admin'];

/** Reading a compound's property management: any areas.read assignment in or above its community. */
export function canReadCompoundProperty(actor: Actor, compound: ScopedRow): boolean {
  return assignmentsWith(actor, 'areas.read').some(
    (a) => covers(a, compound) || (a.communityId !== null && a.communityId === compound.communityId),
  );
}

/** Changing it: a community admin of the community, the street above it, or a system admin. */
export function canEditCompoundProperty(actor: Actor, compound: ScopedRow): boolean {
  return actor.assignments.some((a) => EDITORS.includes(a.role) && covers(a, compound));
}
