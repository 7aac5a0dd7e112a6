import { type Actor, assignmentsWith, canOn, covers, hasAbility } from '../../core/actor.js';

/** A community node as a scoped row: its own id at the community level. */
export type CommunityScope = { districtId: string; streetId: string; communityId: string };

/** The community concerns the actor: some registry assignment covers it or lies inside it (else it answers 404). */
export function seesCommunity(actor: Actor, community: CommunityScope): boolean {
  return assignmentsWith(actor, 'registry.read').some((a) => covers(a, community) || a.communityId === community.communityId);
}

/** Importing a register (or reading its import jobs): registry.write over the whole community. */
export function canImportInto(actor: Actor, community: CommunityScope): boolean {
  return canOn(actor, 'registry.write', community);
}

/** Exporting: registry.read; the rows themselves are filtered by scope. */
export function canExport(actor: Actor): boolean {
  return hasAbility(actor, 'registry.read');
}
