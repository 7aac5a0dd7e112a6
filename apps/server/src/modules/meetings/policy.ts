import type { MeetingAbility, MeetingKind, MeetingStatus, Role } from '@linli/contracts';
import { type Actor, type ScopedRow, assignmentsWith, covers, hasAbility } from '../../core/actor.js';

/** Roles that edit only the joint meetings of their area (a street calls joint meetings of its communities). */
const JOINT_ONLY: readonly Role[] = ['street_supervisor'];

export type MeetingAccess = ScopedRow & { kind: MeetingKind; status: MeetingStatus };

/** Reading a meeting: meetings.read covering its community; a grid worker reads those of the grid's community. */
export function canSeeMeeting(actor: Actor, row: ScopedRow): boolean {
  return assignmentsWith(actor, 'meetings.read').some(
    (a) => covers(a, row) || (a.communityId !== null && a.communityId === row.communityId),
  );
}

/** Calling or editing a meeting of `kind` here: meetings.write covering it; the street only for joint meetings. */
export function canRunMeeting(actor: Actor, row: ScopedRow & { kind: MeetingKind }): boolean {
  return assignmentsWith(actor, 'meetings.write').some((a) => covers(a, row) && (!JOINT_ONLY.includes(a.role) || row.kind === 'joint'));
}

/** What the actor may do on the meeting now; the web shows buttons from these. */
export function meetingAbilities(actor: Actor, m: MeetingAccess): MeetingAbility[] {
  if (!canRunMeeting(actor, m)) return [];
  if (m.status === 'closed') return ['tick'];
  const list: MeetingAbility[] = ['edit', 'attendance', 'advance'];
  if (m.status === 'held') {
    list.push('decide', 'tick');
    if (hasAbility(actor, 'orders.desk')) list.push('order');
    if (hasAbility(actor, 'mediation.use')) list.push('mediate');
  }
  return list;
}
