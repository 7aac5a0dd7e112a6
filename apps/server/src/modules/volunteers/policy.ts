import type { Role } from '@linli/contracts';
import { type Actor, type ScopedRow, assignmentsWith, canOn } from '../../core/actor.js';

/** Roles that take part from the portal: sign up, register themselves, report their own hours. */
const PARTICIPANTS: readonly Role[] = ['resident', 'volunteer'];

/** The communities where the actor takes part from the portal (their home, or their volunteer team's). */
export function homeCommunities(actor: Actor): Set<string> {
  return new Set(
    assignmentsWith(actor, 'portal.use')
      .filter((a) => PARTICIPANTS.includes(a.role) && a.communityId)
      .map((a) => a.communityId!),
  );
}

export type VolunteerRef = ScopedRow & { userId: string | null };

/** A volunteer record is seen by volunteer staff of its scope and by the volunteer themselves. */
export function canSeeVolunteer(actor: Actor, v: VolunteerRef): boolean {
  return canOn(actor, 'volunteers.read', v) || v.userId === actor.userId;
}

/** Registering, editing, recording and verifying hours: volunteer staff of the scope. */
export function canManageVolunteers(actor: Actor, row: ScopedRow): boolean {
  return canOn(actor, 'volunteers.write', row);
}

/** A resident or volunteer of the community may register themselves there. */
export function canSelfRegister(actor: Actor, communityId: string): boolean {
  return homeCommunities(actor).has(communityId);
}

export function volunteerAbilities(actor: Actor, v: VolunteerRef): ('edit' | 'record_hours')[] {
  return canManageVolunteers(actor, v) ? ['edit', 'record_hours'] : [];
}

/** The team's leader (红管家 队长): the volunteer named leader, signed in as themselves. */
export function isTeamLeader(team: { leaderVolunteerId: string | null }, own: { id: string } | undefined): boolean {
  return Boolean(own && team.leaderVolunteerId === own.id);
}

/** An order is the team's when it is dispatched to the team's handler organisation. */
export function isTeamOrder(team: { handlerOrgId: string | null }, order: { handlerOrgId: string | null }): boolean {
  return team.handlerOrgId !== null && order.handlerOrgId === team.handlerOrgId;
}

/** The role a team volunteer's account holds on the team's handler organisation, to be handed its orders. */
export const TEAM_VOLUNTEER_ROLE: Role = 'volunteer';
