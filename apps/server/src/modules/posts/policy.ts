import { type HolderParty, type HolderStatus, availableHolderEvents } from '@linli/contracts';
import type { Actor, ScopedRow } from '../../core/actor.js';
import { canEditParty, canSeeParty } from '../party/policy.js';

/** The viewer of a post: the actor and their own active party membership, if any. */
export type Viewer = { actor: Actor; member: { id: string; communityId: string } | null };
export type HolderRef = { status: HolderStatus; memberId: string | null; residentId: string | null };

/** A post is seen by party staff of its scope and by the party members of its community (who may claim it). */
export function canSeePost(v: Viewer, post: ScopedRow & { communityId: string }): boolean {
  return canSeeParty(v.actor, post) || v.member?.communityId === post.communityId;
}

/** True when the viewer is the person holding (or claiming) the post. */
export function isHolder(v: Viewer, h: HolderRef): boolean {
  return Boolean((h.memberId && h.memberId === v.member?.id) || (h.residentId && h.residentId === v.actor.residentId));
}

/** In which capacities the viewer may move a holding: as an organiser of the post's scope, as its holder. */
export function holderParties(v: Viewer, post: ScopedRow, h: HolderRef): HolderParty[] {
  return [...(canEditParty(v.actor, post) ? (['organiser'] as const) : []), ...(isHolder(v, h) ? (['holder'] as const) : [])];
}

/** Duty logs are written on a held post, by its holder or an organiser; read also by party staff of its scope. */
export function canLogDuty(v: Viewer, post: ScopedRow, h: HolderRef): boolean {
  return h.status === 'active' && holderParties(v, post, h).length > 0;
}

export function canReadDutyLog(v: Viewer, post: ScopedRow, h: HolderRef): boolean {
  return canSeeParty(v.actor, post) || isHolder(v, h);
}

export function postAbilities(v: Viewer, post: ScopedRow & { communityId: string; active: boolean }, holder: HolderRef | null) {
  const organiser = canEditParty(v.actor, post);
  const open = post.active && !holder;
  return { canEdit: organiser, canAssign: organiser && open, canClaim: open && v.member?.communityId === post.communityId };
}

export function holderEvents(v: Viewer, post: ScopedRow, h: HolderRef) {
  return availableHolderEvents(h.status, holderParties(v, post, h));
}
