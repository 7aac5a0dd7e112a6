import type { DecisionDto, MeetingDto, MeetingItem } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { decisionState } from './decision-claim.js';
import { meetingAbilities } from './policy.js';
import type { MeetingParts, MeetingWithCounts } from './repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const FINISHED_ORDER = new Set(['closed', 'merged', 'withdrawn']);

export function presentMeetingItem(m: MeetingWithCounts): MeetingItem {
  return {
    id: m.id,
    communityId: m.communityId,
    communityName: m.communityName,
    kind: m.kind,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    place: m.place,
    status: m.status,
    ...m.counts,
  };
}

function presentDecision(d: MeetingParts['decisions'][number], parts: MeetingParts): DecisionDto {
  const orders = parts.orders.filter((o) => o.decisionId === d.d.id).map(({ decisionId: _, ...o }) => o);
  const tasks = parts.tasks
    .filter((t) => t.decisionId === d.d.id)
    .map((t) => ({ id: t.id, title: t.title, assignee: t.assignee, dueOn: t.dueOn, done: t.doneAt !== null }));
  const mediation =
    d.d.mediationCaseId && d.caseNo && d.caseStatus ? { id: d.d.mediationCaseId, caseNo: d.caseNo, status: d.caseStatus } : null;
  const progress =
    d.d.outcome === 'orders'
      ? { done: orders.filter((o) => FINISHED_ORDER.has(o.status)).length, total: orders.length }
      : d.d.outcome === 'tasks'
        ? { done: tasks.filter((t) => t.done).length, total: tasks.length }
        : d.d.outcome === 'mediation'
          ? { done: mediation && mediation.status !== 'open' ? 1 : 0, total: 1 }
          : { done: 0, total: 0 };
  // a stale claim (its process died before the link) is open again, so the meeting offers to act on it
  const outcome = decisionState(d.d, new Date()) === 'open' ? null : d.d.outcome;
  return { id: d.d.id, position: d.d.position, text: d.d.text, outcome, orders, mediation, tasks, progress };
}

/** The whole meeting with each decision's live progress and what the actor may do. */
export function presentMeeting(actor: Actor, m: MeetingWithCounts, parts: MeetingParts): MeetingDto {
  return {
    ...presentMeetingItem(m),
    agenda: m.agenda,
    minutes: m.minutes,
    heldAt: iso(m.heldAt),
    closedAt: iso(m.closedAt),
    invitees: parts.invitees.map((i) => ({
      id: i.id,
      kind: i.kind,
      role: i.role,
      name: i.residentName ?? i.name ?? '',
      residentId: i.residentId,
      orgId: i.orgId,
      attendance: i.attendance,
    })),
    decisionList: parts.decisions.map((d) => presentDecision(d, parts)),
    abilities: meetingAbilities(actor, m),
  };
}
