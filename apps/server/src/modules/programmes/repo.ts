import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ProgrammeKind } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import {
  handlerOrgs,
  households,
  programmeAttendance,
  programmeEnrolments,
  programmeSessions,
  programmes,
  residents,
  visits,
} from '../../db/schema/index.js';

type Conn = Db | Tx;
export type ProgrammeRow = typeof programmes.$inferSelect;
export type ProgrammeCounts = { enrolled: number; sessions: number; attendances: number };
export type ProgrammeView = ProgrammeRow & ProgrammeCounts & { providerName: string | null };

const counts = {
  enrolled: sql<number>`(SELECT count(*)::int FROM ${programmeEnrolments} e WHERE e.programme_id = ${programmes.id} AND e.ended_on IS NULL)`,
  sessions: sql<number>`(SELECT count(*)::int FROM ${programmeSessions} s WHERE s.programme_id = ${programmes.id})`,
  attendances: sql<number>`(SELECT count(*)::int FROM ${programmeAttendance} a JOIN ${programmeSessions} s ON s.id = a.session_id WHERE s.programme_id = ${programmes.id})`,
};

function selectViews(db: Conn) {
  return db
    .select({ row: programmes, providerName: handlerOrgs.name, ...counts })
    .from(programmes)
    .leftJoin(handlerOrgs, eq(handlerOrgs.id, programmes.providerOrgId));
}
const flatten = (r: { row: ProgrammeRow; providerName: string | null } & ProgrammeCounts): ProgrammeView => ({
  ...r.row,
  providerName: r.providerName,
  enrolled: r.enrolled,
  sessions: r.sessions,
  attendances: r.attendances,
});

/** Programmes in the actor's scope (programmes.read), optionally of one community and kind. */
export async function listProgrammeViews(
  db: Conn,
  actor: Actor,
  f: { communityId?: string; kind?: ProgrammeKind },
): Promise<ProgrammeView[]> {
  const rows = await selectViews(db)
    .where(
      and(
        scopeFilter(actor, 'programmes.read', {
          districtId: programmes.districtId,
          streetId: programmes.streetId,
          communityId: programmes.communityId,
        }),
        f.communityId ? eq(programmes.communityId, f.communityId) : undefined,
        f.kind ? eq(programmes.kind, f.kind) : undefined,
      ),
    )
    .orderBy(programmes.communityId, programmes.kind, programmes.name);
  return rows.map(flatten);
}

export async function findProgrammeView(db: Conn, id: string): Promise<ProgrammeView | undefined> {
  const [r] = await selectViews(db).where(eq(programmes.id, id));
  return r && flatten(r);
}

export async function lockProgramme(tx: Tx, id: string): Promise<ProgrammeRow | undefined> {
  const [row] = await tx.select().from(programmes).where(eq(programmes.id, id)).for('update');
  return row;
}

export async function updateProgrammeRow(tx: Tx, id: string, values: Partial<typeof programmes.$inferInsert>): Promise<void> {
  await tx.update(programmes).set(values).where(eq(programmes.id, id));
}

export async function insertProgramme(tx: Tx, values: typeof programmes.$inferInsert): Promise<ProgrammeRow> {
  const [row] = await tx.insert(programmes).values(values).returning();
  return row!;
}

/** A handler organisation of the street (the provider), or undefined. */
export async function findProviderOrg(db: Conn, id: string, streetId: string) {
  const [row] = await db
    .select({ id: handlerOrgs.id, name: handlerOrgs.name })
    .from(handlerOrgs)
    .where(and(eq(handlerOrgs.id, id), eq(handlerOrgs.streetId, streetId)));
  return row;
}

/** A live resident with their household's tags and their age on `day`. */
export async function findResidentForEnrolment(db: Conn, id: string, day: string) {
  const [row] = await db
    .select({
      id: residents.id,
      name: residents.name,
      householdId: residents.householdId,
      communityId: residents.communityId,
      streetId: residents.streetId,
      districtId: residents.districtId,
      gridId: residents.gridId,
      buildingId: residents.buildingId,
      tags: residents.tags,
      householdTags: households.tags,
      age: sql<number | null>`date_part('year', age(${day}::date, ${residents.birthDate}))::int`,
    })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .where(and(eq(residents.id, id), eq(residents.status, 'active')));
  return row;
}

export async function countLiveEnrolments(tx: Tx, programmeId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(programmeEnrolments)
    .where(and(eq(programmeEnrolments.programmeId, programmeId), isNull(programmeEnrolments.endedOn)));
  return r!.n;
}

export async function insertEnrolment(tx: Tx, values: typeof programmeEnrolments.$inferInsert) {
  const [row] = await tx.insert(programmeEnrolments).values(values).onConflictDoNothing().returning();
  return row;
}

/** The ids among `ids` that are live enrolments of the programme. */
export async function enrolmentIdsOf(tx: Tx, programmeId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: programmeEnrolments.id })
    .from(programmeEnrolments)
    .where(
      and(eq(programmeEnrolments.programmeId, programmeId), inArray(programmeEnrolments.id, [...ids]), isNull(programmeEnrolments.endedOn)),
    );
  return new Set(rows.map((r) => r.id));
}

export async function insertSession(tx: Tx, values: typeof programmeSessions.$inferInsert, attendees: readonly string[]) {
  const [row] = await tx.insert(programmeSessions).values(values).returning();
  if (attendees.length) await tx.insert(programmeAttendance).values(attendees.map((enrolmentId) => ({ sessionId: row!.id, enrolmentId })));
  return row!;
}

/** A visit of the household, locked: its needs change when one becomes an enrolment. */
export async function lockVisit(tx: Tx, id: string, householdId: string) {
  const [row] = await tx
    .select({ id: visits.id, needs: visits.needs })
    .from(visits)
    .where(and(eq(visits.id, id), eq(visits.householdId, householdId)))
    .for('update');
  return row;
}

export async function updateVisitNeeds(tx: Tx, id: string, needs: (typeof visits.$inferSelect)['needs']): Promise<void> {
  await tx.update(visits).set({ needs }).where(eq(visits.id, id));
}

/** A household with its scope ids, or undefined. */
export async function findHousehold(db: Conn, id: string) {
  const [row] = await db
    .select({
      id: households.id,
      districtId: households.districtId,
      streetId: households.streetId,
      communityId: households.communityId,
      gridId: households.gridId,
      buildingId: households.buildingId,
    })
    .from(households)
    .where(eq(households.id, id));
  return row;
}

/** The live enrolments of a household's members, with the sessions each attended. */
export async function householdEnrolments(db: Conn, householdId: string) {
  return db
    .select({
      enrolmentId: programmeEnrolments.id,
      programmeId: programmes.id,
      kind: programmes.kind,
      programmeName: programmes.name,
      residentName: residents.name,
      enrolledOn: programmeEnrolments.enrolledOn,
      attended: sql<number>`(SELECT count(*)::int FROM ${programmeAttendance} a WHERE a.enrolment_id = ${programmeEnrolments.id})`,
    })
    .from(programmeEnrolments)
    .innerJoin(programmes, eq(programmes.id, programmeEnrolments.programmeId))
    .innerJoin(residents, eq(residents.id, programmeEnrolments.residentId))
    .where(and(eq(programmeEnrolments.householdId, householdId), isNull(programmeEnrolments.endedOn)))
    .orderBy(programmes.kind, residents.name);
}

/** Live residents of the programme's community, in the actor's scope, who meet its conditions and are not enrolled. */
export async function unservedResidents(db: Conn, actor: Actor, p: ProgrammeRow, f: { gridId?: string; limit: number; today: string }) {
  const age = sql<number | null>`date_part('year', age(${f.today}::date, ${residents.birthDate}))::int`;
  const wanted = sql`ARRAY[${sql.join(
    p.eligibleTags.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  const tags = p.eligibleTags.length ? sql`(${residents.tags} && ${wanted} OR ${households.tags} && ${wanted})` : undefined;
  const where = and(
    eq(residents.communityId, p.communityId),
    eq(residents.status, 'active'),
    scopeFilter(actor, 'programmes.read', {
      districtId: residents.districtId,
      streetId: residents.streetId,
      communityId: residents.communityId,
      gridId: residents.gridId,
    }),
    f.gridId ? eq(residents.gridId, f.gridId) : undefined,
    p.minAge !== null ? sql`${age} >= ${p.minAge}` : undefined,
    p.maxAge !== null ? sql`${age} <= ${p.maxAge}` : undefined,
    tags,
    sql`NOT EXISTS (SELECT 1 FROM ${programmeEnrolments} e WHERE e.programme_id = ${p.id} AND e.resident_id = ${residents.id} AND e.ended_on IS NULL)`,
  );
  const base = () =>
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(residents)
      .innerJoin(households, eq(households.id, residents.householdId))
      .where(where);
  const [[total], items] = await Promise.all([
    base(),
    db
      .select({
        residentId: residents.id,
        name: residents.name,
        householdId: residents.householdId,
        districtId: residents.districtId,
        streetId: residents.streetId,
        communityId: residents.communityId,
        gridId: residents.gridId,
        buildingId: residents.buildingId,
        age,
        tags: residents.tags,
      })
      .from(residents)
      .innerJoin(households, eq(households.id, residents.householdId))
      .where(where)
      .orderBy(residents.gridId, residents.buildingId, residents.name)
      .limit(f.limit),
  ]);
  return { total: total!.n, items };
}

/** The live enrolments of a programme, by name. */
export async function liveEnrolments(db: Conn, programmeId: string) {
  return db
    .select({
      id: programmeEnrolments.id,
      programmeId: programmeEnrolments.programmeId,
      residentId: programmeEnrolments.residentId,
      residentName: residents.name,
      householdId: programmeEnrolments.householdId,
      enrolledOn: programmeEnrolments.enrolledOn,
    })
    .from(programmeEnrolments)
    .innerJoin(residents, eq(residents.id, programmeEnrolments.residentId))
    .where(and(eq(programmeEnrolments.programmeId, programmeId), isNull(programmeEnrolments.endedOn)))
    .orderBy(residents.name);
}

/** Ends a live enrolment of the programme; undefined when there is none by that id. */
export async function endEnrolment(tx: Tx, programmeId: string, id: string, endedOn: string) {
  const [row] = await tx
    .update(programmeEnrolments)
    .set({ endedOn })
    .where(and(eq(programmeEnrolments.id, id), eq(programmeEnrolments.programmeId, programmeId), isNull(programmeEnrolments.endedOn)))
    .returning({ id: programmeEnrolments.id, residentId: programmeEnrolments.residentId, enrolledOn: programmeEnrolments.enrolledOn });
  return row;
}
