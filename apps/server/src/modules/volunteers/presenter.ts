import { type HoursDto, type LedgerDto, type TeamDto, type VolunteerDto, maskPhone, starLevel } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import type { Pii } from '../../core/pii.js';
import { canManageVolunteers, volunteerAbilities } from './policy.js';
import type { HoursRow, TeamRow, VolunteerRow } from './repo.js';

/** A volunteer with the phone always masked, as the registry shows it. */
export function presentVolunteer(actor: Actor, pii: Pii, v: VolunteerRow, thresholds: readonly number[]): VolunteerDto {
  return {
    id: v.id,
    name: v.name,
    phone: v.phoneEnc ? maskPhone(pii.decrypt(v.phoneEnc)) : null,
    skills: v.skills,
    availability: v.availability,
    consentExtra: v.consentExtra,
    teamId: v.teamId,
    teamName: v.teamName,
    communityName: v.communityName ?? '',
    registeredBy: v.registeredBy,
    hours: v.hours,
    stars: starLevel(v.hours, thresholds),
    communityId: v.communityId,
    abilities: volunteerAbilities(actor, v),
  };
}

export function presentHours(h: HoursRow): HoursDto {
  return {
    id: h.id,
    source: h.source,
    status: h.status,
    startsAt: h.startsAt.toISOString(),
    endsAt: h.endsAt.toISOString(),
    hours: h.hours,
    place: h.place,
    content: h.content,
    peopleServed: h.peopleServed,
    organiser: h.organiser,
    activityId: h.activityId,
    orderId: h.orderId,
    decisionNote: h.decisionNote,
  };
}

export function presentLedger(volunteer: VolunteerDto, rows: readonly HoursRow[], thresholds: number[]): LedgerDto {
  const sum = (status: HoursRow['status']) =>
    Math.round(rows.filter((r) => r.status === status).reduce((s, r) => s + r.hours, 0) * 10) / 10;
  const verifiedHours = sum('verified');
  return {
    volunteer,
    items: rows.map(presentHours),
    verifiedHours,
    pendingHours: sum('pending'),
    stars: starLevel(verifiedHours, thresholds),
    thresholds,
    nextThreshold: thresholds.find((t) => t > verifiedHours) ?? null,
  };
}

export function presentTeam(actor: Actor, r: { team: TeamRow; leaderName: string | null; members: number; hours: number }): TeamDto {
  return {
    id: r.team.id,
    kind: r.team.kind,
    name: r.team.name,
    leaderName: r.leaderName,
    members: r.members,
    hours: r.hours,
    communityId: r.team.communityId,
    leaderVolunteerId: r.team.leaderVolunteerId,
    canEdit: canManageVolunteers(actor, r.team),
  };
}
