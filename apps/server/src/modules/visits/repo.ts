import { type TagIntervalSetting, VISIT_TIME_ZONE, type VisitKind, type VisitNeed } from '@linli/contracts';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { scopeFieldsOf } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { careTagSettings, householdLastVisits, households, residents, users, visits } from '../../db/schema/index.js';
import type { CommunitySettings } from './intervals.js';

type Conn = Db | Tx;

const HOUSEHOLD_FIELDS = {
  id: households.id,
  status: households.status,
  ...scopeFieldsOf(households),
};

/** The household's scope ids and status, for the policy and the visit row. */
export type VisitHousehold = { id: string; status: string; districtId: string; streetId: string; communityId: string } & {
  compoundId: string | null;
  gridId: string | null;
  buildingId: string | null;
};

export async function findHousehold(db: Conn, id: string): Promise<VisitHousehold | undefined> {
  const [row] = await db.select(HOUSEHOLD_FIELDS).from(households).where(eq(households.id, id));
  return row;
}

/** Locks the household row so concurrent moves and visits serialise. */
export async function lockHousehold(tx: Tx, id: string): Promise<VisitHousehold | undefined> {
  const [row] = await tx.select(HOUSEHOLD_FIELDS).from(households).where(eq(households.id, id)).for('share');
  return row;
}

const VISIT_FIELDS = {
  id: visits.id,
  householdId: visits.householdId,
  visitedOn: visits.visitedOn,
  kind: visits.kind,
  notes: visits.notes,
  needs: visits.needs,
  visitorId: visits.visitorId,
  visitorName: users.displayName,
  createdAt: visits.createdAt,
};

export type VisitRow = {
  id: string;
  householdId: string;
  visitedOn: string;
  kind: VisitKind;
  notes: string;
  needs: VisitNeed[];
  visitorId: string;
  visitorName: string;
  createdAt: Date;
};

function selectVisits(db: Conn) {
  return db.select(VISIT_FIELDS).from(visits).innerJoin(users, eq(users.id, visits.visitorId));
}

/** A household's visits, newest first. */
export function listVisitsOf(db: Conn, householdId: string, limit = 200): Promise<VisitRow[]> {
  return selectVisits(db).where(eq(visits.householdId, householdId)).orderBy(desc(visits.visitedOn), desc(visits.createdAt)).limit(limit);
}

export async function findVisit(db: Conn, id: string): Promise<VisitRow | undefined> {
  const [row] = await selectVisits(db).where(eq(visits.id, id));
  return row;
}

/** Inserts the visit and moves the household's last visit date forward (never back: visits may be recorded late). */
export async function insertVisit(tx: Conn, values: typeof visits.$inferInsert): Promise<string> {
  const [row] = await tx.insert(visits).values(values).returning({ id: visits.id });
  await tx
    .insert(householdLastVisits)
    .values({ householdId: values.householdId, lastVisitedOn: values.visitedOn })
    .onConflictDoUpdate({
      target: householdLastVisits.householdId,
      set: { lastVisitedOn: sql`greatest(${householdLastVisits.lastVisitedOn}, excluded.last_visited_on)` },
    });
  return row!.id;
}

/** What the due-date rule needs of each household: community, own and active members' tags, registration date, last visit. */
export type DueInput = { id: string; communityId: string; tags: string[]; since: string; lastVisitOn: string | null };

export async function loadDueInputs(db: Conn, ids: readonly string[]): Promise<DueInput[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const [rows, memberTags, last] = await Promise.all([
    db
      .select({
        id: households.id,
        communityId: households.communityId,
        tags: households.tags,
        since: sql<string>`(${households.createdAt} at time zone ${VISIT_TIME_ZONE})::date::text`,
      })
      .from(households)
      .where(inArray(households.id, list)),
    db
      .select({ householdId: residents.householdId, tags: residents.tags })
      .from(residents)
      .where(sql`${inArray(residents.householdId, list)} and ${residents.status} = 'active' and cardinality(${residents.tags}) > 0`),
    db
      .select({ householdId: householdLastVisits.householdId, on: householdLastVisits.lastVisitedOn })
      .from(householdLastVisits)
      .where(inArray(householdLastVisits.householdId, list)),
  ]);
  const extra = new Map<string, string[]>();
  for (const m of memberTags) extra.set(m.householdId, [...(extra.get(m.householdId) ?? []), ...m.tags]);
  const lastOn = new Map(last.map((l) => [l.householdId, l.on]));
  return rows.map((r) => ({ ...r, tags: [...r.tags, ...(extra.get(r.id) ?? [])], lastVisitOn: lastOn.get(r.id) ?? null }));
}

/**
 * The one place visits learn how often a tag asks for a visit: the communities' care-tag settings
 * (all communities that have any when `communityIds` is omitted), laid over CARE_TAG_VISIT_DAYS.
 */
export async function loadTagSettings(db: Conn, communityIds?: readonly string[]): Promise<CommunitySettings> {
  if (communityIds?.length === 0) return new Map();
  const rows = await db
    .select({
      communityId: careTagSettings.communityId,
      code: careTagSettings.code,
      visitEveryDays: careTagSettings.visitEveryDays,
      active: careTagSettings.active,
    })
    .from(careTagSettings)
    .where(communityIds ? inArray(careTagSettings.communityId, [...communityIds]) : undefined);
  const out = new Map<string, TagIntervalSetting[]>();
  for (const { communityId, ...s } of rows) out.set(communityId, [...(out.get(communityId) ?? []), s]);
  return out;
}
