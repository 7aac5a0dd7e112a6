import type { ActivityAbility } from '@linli/contracts';
import { type Actor, type ScopedRow, canOn } from '../../core/actor.js';
import { canManageVolunteers, homeCommunities } from '../volunteers/policy.js';

export type ActivityRef = ScopedRow & {
  communityId: string;
  organiserUserId: string | null;
  status: string;
  audienceAreaId: string | null;
  audienceTag: string | null;
  audienceTeamId: string | null;
};
/** Who signs up: where they live, their care tags and their volunteer team. */
export type SignerProfile = { areaIds: string[]; tags: string[]; volunteer: { id: string; teamId: string | null } | null };
export type OwnSignup = { status: string; checkedInAt: Date | null } | null;

/** An activity is seen by volunteer staff of its scope and by residents and volunteers of its community. */
export function canSeeActivity(actor: Actor, a: ActivityRef): boolean {
  return canOn(actor, 'volunteers.read', a) || homeCommunities(actor).has(a.communityId) || a.organiserUserId === actor.userId;
}

/** Running it (check-in by staff, check-out, marking it held, the roster): staff of its scope or its organiser. */
export function canManageActivity(actor: Actor, a: ActivityRef): boolean {
  return canManageVolunteers(actor, a) || a.organiserUserId === actor.userId;
}

/** True when the person is in the activity's audience (an area, a care tag or a team; everyone when none is set). */
export function fitsAudience(a: ActivityRef, p: SignerProfile): boolean {
  if (a.audienceAreaId && !p.areaIds.includes(a.audienceAreaId)) return false;
  if (a.audienceTag && !p.tags.includes(a.audienceTag)) return false;
  if (a.audienceTeamId && p.volunteer?.teamId !== a.audienceTeamId) return false;
  return true;
}

export function canSignUp(actor: Actor, a: ActivityRef, p: SignerProfile): boolean {
  return a.status === 'open' && homeCommunities(actor).has(a.communityId) && fitsAudience(a, p);
}

export function activityAbilities(actor: Actor, a: ActivityRef, p: SignerProfile, own: OwnSignup): ActivityAbility[] {
  const out: ActivityAbility[] = [];
  if (!own && canSignUp(actor, a, p)) out.push('sign_up');
  if (own && a.status === 'open') out.push('cancel');
  if (own?.status === 'confirmed' && !own.checkedInAt && a.status === 'open') out.push('check_in');
  if (canManageActivity(actor, a)) out.push('manage');
  return out;
}
