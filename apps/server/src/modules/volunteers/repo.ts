import { DEFAULT_STAR_THRESHOLDS } from '@linli/contracts';
import { and, asc, count, desc, eq, getTableColumns, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import {
  activities,
  areaNodes,
  residents,
  volunteerHours,
  volunteerStarSettings,
  volunteerTeams,
  volunteers,
} from '../../db/schema/index.js';

type Conn = Db | Tx;
export type VolunteerRow = typeof volunteers.$inferSelect & { teamName: string | null; communityName: string | null; hours: number };
export type HoursRow = typeof volunteerHours.$inferSelect;
export type TeamRow = typeof volunteerTeams.$inferSelect;

// outer columns spelled out: drizzle leaves columns unqualified in single-table selects
const verifiedHours = sql<number>`coalesce((SELECT sum(h.hours) FROM ${volunteerHours} h
  WHERE h.volunteer_id = "volunteers"."id" AND h.status = 'verified'), 0)::float8`;
const withTeam = { ...getTableColumns(volunteers), teamName: volunteerTeams.name, communityName: areaNodes.name, hours: verifiedHours };

const selectVolunteers = (db: Conn) =>
  db
    .select(withTeam)
    .from(volunteers)
    .leftJoin(volunteerTeams, eq(volunteerTeams.id, volunteers.teamId))
    .leftJoin(areaNodes, eq(areaNodes.id, volunteers.communityId));

export async function findVolunteer(db: Conn, id: string): Promise<VolunteerRow | undefined> {
  const [row] = await selectVolunteers(db).where(eq(volunteers.id, id));
  return row;
}

export async function findVolunteerByUser(db: Conn, userId: string): Promise<VolunteerRow | undefined> {
  const [row] = await selectVolunteers(db).where(and(eq(volunteers.userId, userId), eq(volunteers.status, 'active')));
  return row;
}

/** Locks a volunteer's row, so their hours are checked for overlaps one writer at a time. */
export async function lockVolunteer(tx: Tx, id: string): Promise<void> {
  await tx.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.id, id)).for('update');
}

export async function listVolunteersInScope(
  db: Conn,
  actor: Actor,
  q: { communityId?: string; teamId?: string; page: number; pageSize: number },
) {
  const where = and(
    scopeFilter(actor, 'volunteers.read', scopeColumnsOf(volunteers)),
    eq(volunteers.status, 'active'),
    q.communityId ? eq(volunteers.communityId, q.communityId) : undefined,
    q.teamId ? eq(volunteers.teamId, q.teamId) : undefined,
  );
  const [items, [total]] = await Promise.all([
    selectVolunteers(db)
      .where(where)
      .orderBy(desc(verifiedHours), asc(volunteers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(volunteers).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findResidentForVolunteer(db: Conn, id: string) {
  const [row] = await db
    .select({
      id: residents.id,
      name: residents.name,
      phoneEnc: residents.phoneEnc,
      phoneTail: residents.phoneTail,
      communityId: residents.communityId,
      streetId: residents.streetId,
      districtId: residents.districtId,
      status: residents.status,
    })
    .from(residents)
    .where(eq(residents.id, id));
  return row;
}

export async function insertVolunteer(tx: Tx, values: typeof volunteers.$inferInsert): Promise<string> {
  const [row] = await tx.insert(volunteers).values(values).returning({ id: volunteers.id });
  await tx
    .update(residents)
    .set({ volunteer: true })
    .where(values.residentId ? eq(residents.id, values.residentId) : sql`false`);
  return row!.id;
}

export async function findTeam(db: Conn, id: string): Promise<TeamRow | undefined> {
  const [row] = await db.select().from(volunteerTeams).where(eq(volunteerTeams.id, id));
  return row;
}

/** Teams in the actor's volunteer scope (of one community when given). */
export function teamsVisible(actor: Actor, communityId?: string) {
  return and(
    scopeFilter(actor, 'volunteers.read', scopeColumnsOf(volunteerTeams)),
    communityId ? eq(volunteerTeams.communityId, communityId) : undefined,
  );
}

/** Teams with their leader's name, roster size and verified hours. */
export function selectTeamSummaries(db: Conn) {
  const leader = sql<string | null>`(SELECT v.name FROM ${volunteers} v WHERE v.id = "volunteer_teams"."leader_volunteer_id")`;
  const members = sql<number>`(SELECT count(*) FROM ${volunteers} v WHERE v.team_id = "volunteer_teams"."id" AND v.status = 'active')::int`;
  const hours = sql<number>`coalesce((SELECT sum(h.hours) FROM ${volunteerHours} h JOIN ${volunteers} v ON v.id = h.volunteer_id
    WHERE v.team_id = "volunteer_teams"."id" AND h.status = 'verified'), 0)::float8`;
  return db.select({ team: volunteerTeams, leaderName: leader, members, hours }).from(volunteerTeams);
}
export type TeamSummaryRow = Awaited<ReturnType<typeof selectTeamSummaries>>[number];

export async function listTeamsInScope(db: Conn, actor: Actor, communityId?: string) {
  return selectTeamSummaries(db).where(teamsVisible(actor, communityId)).orderBy(volunteerTeams.communityId, volunteerTeams.name);
}

export async function ledgerOf(db: Conn, volunteerId: string): Promise<HoursRow[]> {
  return db.select().from(volunteerHours).where(eq(volunteerHours.volunteerId, volunteerId)).orderBy(desc(volunteerHours.startsAt));
}

/** A live record of the volunteer overlapping [startsAt, endsAt), or one for the same activity. */
export async function clashingHours(tx: Tx, volunteerId: string, r: { startsAt: Date; endsAt: Date; activityId: string | null }) {
  const [row] = await tx
    .select({ id: volunteerHours.id, activityId: volunteerHours.activityId })
    .from(volunteerHours)
    .where(
      and(
        eq(volunteerHours.volunteerId, volunteerId),
        ne(volunteerHours.status, 'rejected'),
        sql`((${lt(volunteerHours.startsAt, r.endsAt)} AND ${gt(volunteerHours.endsAt, r.startsAt)})
          OR ${r.activityId ? eq(volunteerHours.activityId, r.activityId) : sql`false`})`,
      ),
    )
    .limit(1);
  return row;
}

export async function insertHours(tx: Tx, values: typeof volunteerHours.$inferInsert): Promise<HoursRow> {
  const [row] = await tx.insert(volunteerHours).values(values).returning();
  return row!;
}

export async function lockHours(tx: Tx, id: string): Promise<HoursRow | undefined> {
  const [row] = await tx.select().from(volunteerHours).where(eq(volunteerHours.id, id)).for('update');
  return row;
}

export async function setHoursStatus(
  tx: Tx,
  id: string,
  status: HoursRow['status'],
  verifiedBy: string,
  decisionNote: string | null = null,
): Promise<HoursRow> {
  const [row] = await tx.update(volunteerHours).set({ status, verifiedBy, decisionNote }).where(eq(volunteerHours.id, id)).returning();
  return row!;
}

/** A community's star thresholds (the defaults unless it set its own). */
export async function starThresholds(db: Conn, communityId: string): Promise<number[]> {
  const [row] = await db.select().from(volunteerStarSettings).where(eq(volunteerStarSettings.communityId, communityId));
  return row?.thresholds ?? [...DEFAULT_STAR_THRESHOLDS];
}

export async function thresholdsFor(db: Conn, communityIds: readonly string[]): Promise<Map<string, number[]>> {
  const ids = [...new Set(communityIds)];
  const rows = ids.length ? await db.select().from(volunteerStarSettings).where(inArray(volunteerStarSettings.communityId, ids)) : [];
  const own = new Map(rows.map((r) => [r.communityId, r.thresholds]));
  return new Map(ids.map((id) => [id, own.get(id) ?? [...DEFAULT_STAR_THRESHOLDS]]));
}

export async function upsertStarThresholds(tx: Tx, communityId: string, thresholds: number[]): Promise<void> {
  await tx
    .insert(volunteerStarSettings)
    .values({ communityId, thresholds })
    .onConflictDoUpdate({ target: volunteerStarSettings.communityId, set: { thresholds, updatedAt: new Date() } });
}

/** The parts of an activity a service record needs (its time bounds the hours). */
export async function findActivityBrief(db: Conn, id: string) {
  const [row] = await db
    .select({
      id: activities.id,
      title: activities.title,
      organiser: activities.organiser,
      organiserUserId: activities.organiserUserId,
      place: activities.place,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      communityId: activities.communityId,
      streetId: activities.streetId,
      districtId: activities.districtId,
    })
    .from(activities)
    .where(eq(activities.id, id));
  return row;
}
