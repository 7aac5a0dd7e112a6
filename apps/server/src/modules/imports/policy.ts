import { type Actor, assignmentsWith, canOn, covers } from '../../core/actor.js';

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

/** Without a named community: the community of the actor's one community-level registry.write assignment, if that is all. */
export function defaultImportCommunity(actor: Actor): string | undefined {
  const held = assignmentsWith(actor, 'registry.write').filter((a) => a.areaKind === 'community');
  return held.length === 1 && actor.assignments.length === 1 ? (held[0]!.areaId ?? undefined) : undefined;
}
