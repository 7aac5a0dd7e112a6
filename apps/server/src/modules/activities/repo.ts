import { and, asc, count, desc, eq, getTableColumns, inArray, ne, or, sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { activities, activitySignups, areaNodes, households, residents, volunteers } from '../../db/schema/index.js';
import type { SignerProfile } from './policy.js';

type Conn = Db | Tx;
export type ActivityRow = typeof activities.$inferSelect & { waitlisted: number };
export type SignupRow = typeof activitySignups.$inferSelect;

// the outer column spelled out: drizzle leaves columns unqualified in single-table selects
const waitlisted = sql<number>`(SELECT count(*) FROM ${activitySignups} s WHERE s.activity_id = "activities"."id" AND s.status = 'waitlisted')::int`;
const withCounts = { ...getTableColumns(activities), waitlisted };

export async function findActivity(db: Conn, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select(withCounts).from(activities).where(eq(activities.id, id));
  return row;
}

/** Locks the activity: sign-ups, cancellations and promotions of one activity go one at a time, so it never overfills. */
export async function lockActivity(tx: Tx, id: string): Promise<ActivityRow | undefined> {
  const [row] = await tx.select().from(activities).where(eq(activities.id, id)).for('update');
  return row && { ...row, waitlisted: 0 };
}

export async function insertActivity(tx: Tx, values: typeof activities.$inferInsert): Promise<string> {
  const [row] = await tx.insert(activities).values(values).returning({ id: activities.id });
  return row!.id;
}

export async function listActivitiesVisible(
  db: Conn,
  actor: Actor,
  homes: readonly string[],
  q: { communityId?: string; kind?: string; page: number; pageSize: number },
) {
  const where = and(
    or(
      scopeFilter(actor, 'volunteers.read', scopeColumnsOf(activities)),
      homes.length ? inArray(activities.communityId, [...homes]) : sql`false`,
    ),
    q.communityId ? eq(activities.communityId, q.communityId) : undefined,
    q.kind ? eq(activities.kind, q.kind as ActivityRow['kind']) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(withCounts)
      .from(activities)
      .where(where)
      .orderBy(desc(activities.startsAt), asc(activities.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(activities).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** The actor's live sign-ups on the given activities. */
export async function ownSignups(db: Conn, userId: string, activityIds: readonly string[]): Promise<Map<string, SignupRow>> {
  if (activityIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(activitySignups)
    .where(
      and(
        eq(activitySignups.userId, userId),
        inArray(activitySignups.activityId, [...activityIds]),
        ne(activitySignups.status, 'cancelled'),
      ),
    );
  return new Map(rows.map((r) => [r.activityId, r]));
}

/** Where the actor lives (area ids), their care tags and their volunteer record. */
export async function signerProfile(db: Conn, actor: Actor): Promise<SignerProfile> {
  const [r] = actor.residentId
    ? await db
        .select({
          ids: sql<
            string[]
          >`array_remove(ARRAY[${residents.communityId}, ${households.compoundId}, ${residents.gridId}, ${residents.buildingId}], NULL)`,
          tags: sql<string[]>`${residents.tags} || ${households.tags}`,
        })
        .from(residents)
        .innerJoin(households, eq(households.id, residents.householdId))
        .where(eq(residents.id, actor.residentId))
    : [];
  const [v] = await db
    .select({ id: volunteers.id, teamId: volunteers.teamId })
    .from(volunteers)
    .where(and(eq(volunteers.userId, actor.userId), eq(volunteers.status, 'active')));
  return { areaIds: r?.ids ?? [], tags: r?.tags ?? [], volunteer: v ?? null };
}

export async function findLiveSignup(tx: Conn, activityId: string, userId: string): Promise<SignupRow | undefined> {
  const [row] = await tx
    .select()
    .from(activitySignups)
    .where(and(eq(activitySignups.activityId, activityId), eq(activitySignups.userId, userId), ne(activitySignups.status, 'cancelled')));
  return row;
}

export async function lockSignup(tx: Tx, id: string): Promise<SignupRow | undefined> {
  const [row] = await tx.select().from(activitySignups).where(eq(activitySignups.id, id)).for('update');
  return row;
}

export async function insertSignup(tx: Tx, values: typeof activitySignups.$inferInsert): Promise<SignupRow> {
  const [row] = await tx.insert(activitySignups).values(values).returning();
  return row!;
}

export async function updateSignup(tx: Tx, id: string, set: Partial<typeof activitySignups.$inferInsert>): Promise<SignupRow> {
  const [row] = await tx.update(activitySignups).set(set).where(eq(activitySignups.id, id)).returning();
  return row!;
}

/** The longest-waiting sign-up on the waitlist. */
export async function firstWaitlisted(tx: Tx, activityId: string): Promise<SignupRow | undefined> {
  const [row] = await tx
    .select()
    .from(activitySignups)
    .where(and(eq(activitySignups.activityId, activityId), eq(activitySignups.status, 'waitlisted')))
    .orderBy(asc(activitySignups.createdAt), asc(activitySignups.id))
    .limit(1);
  return row;
}

export async function updateActivity(tx: Tx, id: string, set: Partial<typeof activities.$inferInsert>): Promise<void> {
  await tx.update(activities).set(set).where(eq(activities.id, id));
}

/** The roster: confirmed first, then the waitlist in order. */
export async function signupsOf(db: Conn, activityId: string): Promise<SignupRow[]> {
  return db
    .select()
    .from(activitySignups)
    .where(and(eq(activitySignups.activityId, activityId), ne(activitySignups.status, 'cancelled')))
    .orderBy(sql`${activitySignups.status} = 'waitlisted'`, asc(activitySignups.createdAt), asc(activitySignups.id));
}

/** Checked-in sign-ups of volunteers, whose hours are credited when the activity is marked held. */
export async function attendedVolunteers(tx: Tx, activityId: string) {
  return tx
    .select({
      signup: activitySignups,
      volunteer: {
        id: volunteers.id,
        communityId: volunteers.communityId,
        streetId: volunteers.streetId,
        districtId: volunteers.districtId,
      },
    })
    .from(activitySignups)
    .innerJoin(volunteers, eq(volunteers.id, activitySignups.volunteerId))
    .where(
      and(
        eq(activitySignups.activityId, activityId),
        eq(activitySignups.status, 'confirmed'),
        sql`${activitySignups.checkedInAt} IS NOT NULL`,
      ),
    );
}

/** An area node below (or at) a community, to check an audience or a team lies in the activity's community. */
export async function areaCommunity(db: Conn, id: string): Promise<string | null> {
  const [row] = await db.select({ communityId: areaNodes.communityId }).from(areaNodes).where(eq(areaNodes.id, id));
  return row?.communityId ?? null;
}
