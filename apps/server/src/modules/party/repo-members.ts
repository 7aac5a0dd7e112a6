import type { PartyMemberListQuery } from '@linli/contracts';
import { type SQL, and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { dutyLogs, partyMembers, partyOrgs, postHolders, posts, residents } from '../../db/schema/index.js';

type Conn = Db | Tx;

const memberCols = {
  id: partyMembers.id,
  orgId: partyMembers.orgId,
  orgName: partyOrgs.name,
  orgKind: partyOrgs.kind,
  residentId: partyMembers.residentId,
  name: sql<string>`coalesce(${residents.name}, ${partyMembers.name})`,
  sex: sql<number>`coalesce(${residents.sex}, ${partyMembers.sex}, 0)`.mapWith(Number),
  birthDate: sql<string | null>`coalesce(${residents.birthDate}, ${partyMembers.birthDate})`,
  phoneEnc: sql<Buffer | null>`coalesce(${residents.phoneEnc}, ${partyMembers.phoneEnc})`,
  phoneTail: sql<string | null>`coalesce(${residents.phoneTail}, ${partyMembers.phoneTail})`,
  standing: partyMembers.standing,
  joinedOn: partyMembers.joinedOn,
  education: partyMembers.education,
  employment: partyMembers.employment,
  registration: partyMembers.registration,
  flow: partyMembers.flow,
  flowNote: partyMembers.flowNote,
  workUnit: partyMembers.workUnit,
  reportedOn: partyMembers.reportedOn,
  commitments: partyMembers.commitments,
  status: partyMembers.status,
  leftOn: partyMembers.leftOn,
  userId: partyMembers.userId,
  communityId: partyMembers.communityId,
  streetId: partyMembers.streetId,
  districtId: partyMembers.districtId,
};

const joined = (db: Conn) =>
  db
    .select(memberCols)
    .from(partyMembers)
    .innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.orgId))
    .leftJoin(residents, eq(residents.id, partyMembers.residentId));

export type MemberRow = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

export async function findMember(db: Conn, id: string): Promise<MemberRow | undefined> {
  const [row] = await joined(db).where(eq(partyMembers.id, id));
  return row;
}

export async function lockMember(tx: Tx, id: string): Promise<void> {
  await tx.select({ id: partyMembers.id }).from(partyMembers).where(eq(partyMembers.id, id)).for('update');
}

/** The actor's own active membership, through the resident record their account is linked to. */
/** The active membership of a signed-in in-service member (their account is on the membership, not a resident). */
export async function findMemberOfUser(db: Conn, userId: string): Promise<MemberRow | undefined> {
  const [row] = await joined(db).where(and(eq(partyMembers.userId, userId), eq(partyMembers.status, 'active')));
  return row;
}

/** The caller's own active membership: through their own account (in-service, living elsewhere) or their resident record. */
export async function findOwnMember(db: Conn, actor: { userId: string; residentId: string | null }): Promise<MemberRow | undefined> {
  return (await findMemberOfUser(db, actor.userId)) ?? (await findMemberOfResident(db, actor.residentId));
}

export async function findMemberOfResident(db: Conn, residentId: string | null): Promise<MemberRow | undefined> {
  if (!residentId) return undefined;
  const [row] = await joined(db).where(and(eq(partyMembers.residentId, residentId), eq(partyMembers.status, 'active')));
  return row;
}

/** One page of members in the actor's `party.read` scope; `orgIds` restricts to a subtree. */
export async function listMembers(
  db: Conn,
  actor: Actor,
  q: PartyMemberListQuery,
  orgIds: readonly string[] | null,
): Promise<{ rows: MemberRow[]; total: number }> {
  const parts: (SQL | undefined)[] = [
    scopeFilter(actor, 'party.read', scopeColumnsOf(partyMembers)),
    eq(partyMembers.status, q.status),
    q.communityId ? eq(partyMembers.communityId, q.communityId) : undefined,
    orgIds ? inArray(partyMembers.orgId, [...orgIds]) : undefined,
    q.registration ? eq(partyMembers.registration, q.registration) : undefined,
    q.q ? or(ilike(residents.name, `%${q.q}%`), ilike(partyMembers.name, `%${q.q}%`), ilike(residents.nameInitials, `${q.q}%`)) : undefined,
  ];
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(asc(partyOrgs.name), asc(sql`coalesce(${residents.nameInitials}, ${partyMembers.name})`), asc(partyMembers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(partyMembers).leftJoin(residents, eq(residents.id, partyMembers.residentId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export type MemberExtras = {
  hours: Map<string, number>;
  holdings: Map<string, { holderId: string; postId: string; title: string; status: string }[]>;
};

/** Duty-log hours and live holdings of the given members. */
export async function memberExtras(db: Conn, ids: readonly string[]): Promise<MemberExtras> {
  if (ids.length === 0) return { hours: new Map(), holdings: new Map() };
  const [hours, holdings] = await Promise.all([
    db
      .select({ memberId: dutyLogs.memberId, hours: sql<number>`sum(${dutyLogs.hours})`.mapWith(Number) })
      .from(dutyLogs)
      .where(inArray(dutyLogs.memberId, [...ids]))
      .groupBy(dutyLogs.memberId),
    db
      .select({
        memberId: postHolders.memberId,
        holderId: postHolders.id,
        postId: posts.id,
        title: posts.title,
        status: postHolders.status,
      })
      .from(postHolders)
      .innerJoin(posts, eq(posts.id, postHolders.postId))
      .where(and(inArray(postHolders.memberId, [...ids]), inArray(postHolders.status, ['claimed', 'active'])))
      .orderBy(asc(posts.title)),
  ]);
  const byMember = new Map<string, { holderId: string; postId: string; title: string; status: string }[]>();
  for (const { memberId, ...h } of holdings) byMember.set(memberId!, [...(byMember.get(memberId!) ?? []), h]);
  return { hours: new Map(hours.map((h) => [h.memberId!, h.hours])), holdings: byMember };
}

export async function findResident(db: Conn, id: string) {
  const [row] = await db
    .select({ id: residents.id, status: residents.status, communityId: residents.communityId, name: residents.name })
    .from(residents)
    .where(eq(residents.id, id));
  return row;
}

export async function insertMember(tx: Tx, values: typeof partyMembers.$inferInsert): Promise<string> {
  const [row] = await tx.insert(partyMembers).values(values).returning({ id: partyMembers.id });
  return row!.id;
}

export async function updateMemberRow(tx: Tx, id: string, set: Partial<typeof partyMembers.$inferInsert>): Promise<void> {
  await tx
    .update(partyMembers)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(partyMembers.id, id));
}

/**
 * Keeps the registry's political status and branch in step with the membership (the building map counts party
 * members from `political`): 01 full, 02 probationary; the branch cleared when the membership ends here.
 */
export async function syncResidentParty(tx: Tx, residentId: string, set: { political?: '01' | '02'; partyOrgId: string | null }) {
  await tx
    .update(residents)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(residents.id, residentId));
}

/** Ends the live holdings of a member whose membership here ends. */
export async function endHoldingsOf(tx: Tx, memberId: string): Promise<number> {
  const rows = await tx
    .update(postHolders)
    .set({ status: 'ended', endedAt: new Date() })
    .where(and(eq(postHolders.memberId, memberId), inArray(postHolders.status, ['claimed', 'active'])))
    .returning({ id: postHolders.id });
  return rows.length;
}

/** Whether a member is active and belongs to one of `orgIds` (a secretary must). */
export async function isActiveMemberIn(db: Conn, memberId: string, orgIds: readonly string[]): Promise<boolean> {
  const [row] = await db
    .select({ id: partyMembers.id })
    .from(partyMembers)
    .where(and(eq(partyMembers.id, memberId), eq(partyMembers.status, 'active'), inArray(partyMembers.orgId, [...orgIds])));
  return Boolean(row);
}

/** Names of the given members (the secretaries of a tree). */
export async function memberNames(db: Conn, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: partyMembers.id, name: memberCols.name })
    .from(partyMembers)
    .leftJoin(residents, eq(residents.id, partyMembers.residentId))
    .where(inArray(partyMembers.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active residents of a community whose name matches, who are no active member yet, with their building (for a picker). */
export async function residentsForMembership(db: Conn, communityId: string, q: string) {
  const building = sql<string>`coalesce((SELECT c.name || ' ' || b.name FROM area_nodes b LEFT JOIN area_nodes c ON c.id = b.compound_id
    WHERE b.id = "residents"."building_id"), '')`;
  return db
    .select({ id: residents.id, name: residents.name, birthDate: residents.birthDate, building })
    .from(residents)
    .where(
      and(
        eq(residents.communityId, communityId),
        eq(residents.status, 'active'),
        ilike(residents.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`),
        // outer columns spelled out: drizzle leaves them unqualified in single-table selects
        sql`NOT EXISTS (SELECT 1 FROM ${partyMembers} m WHERE m.resident_id = "residents"."id" AND m.status = 'active')`,
      ),
    )
    .orderBy(asc(residents.name))
    .limit(10);
}
