import type { Role } from '@linli/contracts';
import { type Actor, type ScopedRow, assignmentsWith, covers } from '../../core/actor.js';

const EDITORS: readonly Role[] = ['system_admin', 'street_supervisor', 'community_admin'];

/** Reading a community's tags: any registry.read assignment in or above it (a grid worker reads their community's). */
export function canReadCareTags(actor: Actor, community: ScopedRow & { id: string }): boolean {
  return assignmentsWith(actor, 'registry.read').some((a) => covers(a, community) || a.communityId === community.id);
}

/** Changing them: a community admin of the community, the street above it, or a system admin. */
export function canEditCareTags(actor: Actor, community: ScopedRow): boolean {
  return actor.assignments.some((a) => EDITORS.includes(a.role) && covers(a, community));
}
