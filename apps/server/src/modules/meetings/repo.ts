import type { MeetingQuery } from '@linli/contracts';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import {
  areaNodes,
  handlerOrgs,
  mediationCases,
  meetingDecisionOrders,
  meetingDecisions,
  meetingInvitees,
  meetingTasks,
  meetings,
  orders,
  residents,
} from '../../db/schema/index.js';

type Conn = Db | Tx;
export type MeetingRow = typeof meetings.$inferSelect & { communityName: string };
export type InviteeRow = typeof meetingInvitees.$inferSelect & { residentName: string | null };
export type DecisionRow = typeof meetingDecisions.$inferSelect;

const counts = {
  invited: sql<number>`(SELECT count(*)::int FROM meeting_invitees i WHERE i.meeting_id = ${meetings.id})`,
  present: sql<number>`(SELECT count(*)::int FROM meeting_invitees i WHERE i.meeting_id = ${meetings.id} AND i.attendance = 'present')`,
  decisions: sql<number>`(SELECT count(*)::int FROM meeting_decisions d WHERE d.meeting_id = ${meetings.id})`,
};

function withCommunity(db: Conn) {
  return db
    .select({ m: meetings, communityName: areaNodes.name, ...counts })
    .from(meetings)
    .innerJoin(areaNodes, eq(areaNodes.id, meetings.communityId));
}
type Joined = { m: typeof meetings.$inferSelect; communityName: string; invited: number; present: number; decisions: number };
const flatten = (r: Joined) => ({
  ...r.m,
  communityName: r.communityName,
  counts: { invited: r.invited, present: r.present, decisions: r.decisions },
});
export type MeetingWithCounts = ReturnType<typeof flatten>;

/** A meeting with its community's name and counts; `lock` takes the row FOR UPDATE. */
export async function findMeeting(db: Conn, id: string, lock = false): Promise<MeetingWithCounts | undefined> {
  const q = withCommunity(db).where(eq(meetings.id, id));
  const [row] = lock ? await q.for('update', { of: meetings }) : await q;
  return row && flatten(row);
}

export async function listMeetings(db: Conn, actor: Actor, q: MeetingQuery) {
  const where = and(
    scopeFilter(actor, 'meetings.read', {
      districtId: meetings.districtId,
      streetId: meetings.streetId,
      communityId: meetings.communityId,
    }),
    q.kind ? eq(meetings.kind, q.kind) : undefined,
    q.status ? eq(meetings.status, q.status) : undefined,
  );
  const [items, [total]] = await Promise.all([
    withCommunity(db)
      .where(where)
      .orderBy(desc(meetings.startsAt), asc(meetings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(meetings).where(where),
  ]);
  return { items: items.map(flatten), total: total?.n ?? 0 };
}

/** The community node a meeting is called in. */
export { findCommunityNode as findCommunity } from '../mediation/repo.js';

export async function insertMeeting(tx: Tx, values: typeof meetings.$inferInsert): Promise<string> {
  const [row] = await tx.insert(meetings).values(values).returning({ id: meetings.id });
  return row!.id;
}

export async function updateMeeting(tx: Tx, id: string, patch: Partial<typeof meetings.$inferInsert>): Promise<void> {
  await tx.update(meetings).set(patch).where(eq(meetings.id, id));
}

/** Replaces the invitee list of a draft meeting. */
export async function replaceInvitees(tx: Tx, meetingId: string, rows: Omit<typeof meetingInvitees.$inferInsert, 'meetingId'>[]) {
  await tx.delete(meetingInvitees).where(eq(meetingInvitees.meetingId, meetingId));
  if (rows.length) await tx.insert(meetingInvitees).values(rows.map((r) => ({ ...r, meetingId })));
}

export async function setAttendance(tx: Tx, meetingId: string, inviteeId: string, attendance: InviteeRow['attendance']): Promise<number> {
  const done = await tx
    .update(meetingInvitees)
    .set({ attendance })
    .where(and(eq(meetingInvitees.meetingId, meetingId), eq(meetingInvitees.id, inviteeId)))
    .returning({ id: meetingInvitees.id });
  return done.length;
}

/** Residents among `ids` living in the community (the registry's current address). */
export async function residentsInCommunity(db: Conn, ids: string[], communityId: string): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: residents.id })
    .from(residents)
    .where(and(inArray(residents.id, ids), eq(residents.communityId, communityId)));
  return new Set(rows.map((r) => r.id));
}

/** Handler organisations among `ids` serving the street of the community. */
export async function orgsOfStreet(db: Conn, ids: string[], streetId: string): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: handlerOrgs.id })
    .from(handlerOrgs)
    .where(and(inArray(handlerOrgs.id, ids), eq(handlerOrgs.streetId, streetId)));
  return new Set(rows.map((r) => r.id));
}

export async function insertDecision(tx: Tx, meetingId: string, text: string): Promise<string> {
  const [pos] = await tx
    .select({ n: sql<number>`coalesce(max(${meetingDecisions.position}), 0)::int` })
    .from(meetingDecisions)
    .where(eq(meetingDecisions.meetingId, meetingId));
  const [row] = await tx
    .insert(meetingDecisions)
    .values({ meetingId, text, position: (pos?.n ?? 0) + 1 })
    .returning({ id: meetingDecisions.id });
  return row!.id;
}

/** A decision of the meeting, locked for turning it into action. */
export async function lockDecision(tx: Tx, meetingId: string, id: string): Promise<DecisionRow | undefined> {
  const [row] = await tx
    .select()
    .from(meetingDecisions)
    .where(and(eq(meetingDecisions.meetingId, meetingId), eq(meetingDecisions.id, id)))
    .for('update');
  return row;
}

/** Claims the decision for `outcome` at `at` (the claim's token): a second caller meets it until it is linked or stale. */
export async function claimDecision(tx: Tx, id: string, outcome: NonNullable<DecisionRow['outcome']>, at: Date): Promise<void> {
  await tx.update(meetingDecisions).set({ outcome, mediationCaseId: null, claimedAt: at }).where(eq(meetingDecisions.id, id));
}

/** Links the decision to what was made: the outcome is final and the claim is over. */
export async function setDecisionOutcome(
  tx: Tx,
  id: string,
  patch: Pick<typeof meetingDecisions.$inferInsert, 'outcome' | 'mediationCaseId'>,
) {
  await tx
    .update(meetingDecisions)
    .set({ ...patch, claimedAt: null })
    .where(eq(meetingDecisions.id, id));
}

/** Undoes a claim whose action failed: the decision is open again, unless another claim took it meanwhile. */
export async function releaseDecisionClaim(tx: Tx, id: string, claimedAt: Date): Promise<void> {
  await tx
    .update(meetingDecisions)
    .set({ outcome: null, claimedAt: null })
    .where(and(eq(meetingDecisions.id, id), eq(meetingDecisions.claimedAt, claimedAt)));
}

export async function linkOrders(tx: Tx, decisionId: string, orderIds: string[]): Promise<void> {
  await tx
    .insert(meetingDecisionOrders)
    .values(orderIds.map((orderId) => ({ decisionId, orderId })))
    .onConflictDoNothing();
}

export async function insertTasks(tx: Tx, rows: (typeof meetingTasks.$inferInsert)[]): Promise<void> {
  await tx.insert(meetingTasks).values(rows);
}

export async function setTaskDone(tx: Tx, meetingId: string, taskId: string, done: boolean): Promise<number> {
  const rows = await tx
    .update(meetingTasks)
    .set({ doneAt: done ? new Date() : null })
    .where(
      and(
        eq(meetingTasks.id, taskId),
        inArray(
          meetingTasks.decisionId,
          tx.select({ id: meetingDecisions.id }).from(meetingDecisions).where(eq(meetingDecisions.meetingId, meetingId)),
        ),
      ),
    )
    .returning({ id: meetingTasks.id });
  return rows.length;
}

/** Invitees, decisions and each decision's orders, case and tasks, read one after another (also inside writes). */
export async function loadMeetingParts(db: Conn, meetingId: string) {
  const invitees = await db
    .select({ i: meetingInvitees, residentName: residents.name })
    .from(meetingInvitees)
    .leftJoin(residents, eq(residents.id, meetingInvitees.residentId))
    .where(eq(meetingInvitees.meetingId, meetingId))
    .orderBy(asc(meetingInvitees.position));
  const decisions = await db
    .select({ d: meetingDecisions, caseNo: mediationCases.caseNo, caseStatus: mediationCases.status })
    .from(meetingDecisions)
    .leftJoin(mediationCases, eq(mediationCases.id, meetingDecisions.mediationCaseId))
    .where(eq(meetingDecisions.meetingId, meetingId))
    .orderBy(asc(meetingDecisions.position));
  const ids = decisions.map((d) => d.d.id);
  const linked = ids.length
    ? await db
        .select({
          decisionId: meetingDecisionOrders.decisionId,
          id: orders.id,
          orderNo: orders.orderNo,
          status: orders.status,
          description: orders.description,
        })
        .from(meetingDecisionOrders)
        .innerJoin(orders, eq(orders.id, meetingDecisionOrders.orderId))
        .where(inArray(meetingDecisionOrders.decisionId, ids))
        .orderBy(asc(orders.orderNo))
    : [];
  const tasks = ids.length
    ? await db.select().from(meetingTasks).where(inArray(meetingTasks.decisionId, ids)).orderBy(asc(meetingTasks.position))
    : [];
  return {
    invitees: invitees.map((r): InviteeRow => ({ ...r.i, residentName: r.residentName })),
    decisions,
    orders: linked,
    tasks,
  };
}
export type MeetingParts = Awaited<ReturnType<typeof loadMeetingParts>>;
