import type { ActivityDto, SignupDto } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { type SignerProfile, activityAbilities, canManageActivity } from './policy.js';
import type { ActivityRow, SignupRow } from './repo.js';

export function presentActivity(actor: Actor, a: ActivityRow, profile: SignerProfile, own: SignupRow | undefined): ActivityDto {
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    organiser: a.organiser,
    place: a.place,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    capacity: a.capacity,
    confirmed: a.confirmedCount,
    waitlisted: a.waitlisted,
    status: a.status,
    peopleServed: a.peopleServed,
    teamId: a.teamId,
    communityId: a.communityId,
    mySignup: own ? { id: own.id, status: own.status, checkedIn: Boolean(own.checkedInAt) } : null,
    checkinCode: canManageActivity(actor, a) ? a.checkinCode : null,
    abilities: activityAbilities(actor, a, profile, own ?? null),
  };
}

/** The roster; names as the signer gave them, no phone or ID. */
export function presentSignups(rows: readonly SignupRow[]): SignupDto[] {
  let place = 0;
  return rows.map((s) => ({
    id: s.id,
    displayName: s.displayName,
    status: s.status,
    waitlistPosition: s.status === 'waitlisted' ? ++place : null,
    checkedInAt: s.checkedInAt?.toISOString() ?? null,
    checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
    isVolunteer: Boolean(s.volunteerId),
  }));
}
