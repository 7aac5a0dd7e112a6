import { type MediationQuery, type Role, type Text, pickLocale } from '@linli/contracts';
import { type SQL, and, asc, count, desc, eq, exists, inArray, max, or, sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import type { Db, Tx } from '../../db/pool.js';
import {
  areaNodes,
  mediationAgreements,
  mediationCases,
  mediationFollowUps,
  mediationMediators,
  mediationParties,
  mediationSessions,
  notifications,
  roleAssignments,
  users,
} from '../../db/schema/index.js';
import { supervisedAreas } from './policy.js';

type Conn = Db | Tx;
export type CaseRow = typeof mediationCases.$inferSelect;
export type CaseWithMediators = CaseRow & { mediatorIds: string[] };
export type AgreementRow = typeof mediationAgreements.$inferSelect;

const mediatorIds = sql<
  string[]
>`coalesce((SELECT array_agg(m.user_id) FROM mediation_mediators m WHERE m.case_id = ${mediationCases.id}), '{}')`;

/** A case with its mediators' user ids; `lock` takes the row FOR UPDATE (inside a transaction). */
export async function findCase(db: Conn, id: string, lock = false): Promise<CaseWithMediators | undefined> {
  const q = db.select({ c: mediationCases, mediatorIds }).from(mediationCases).where(eq(mediationCases.id, id));
  const [row] = lock ? await q.for('update', { of: mediationCases }) : await q;
  return row ? { ...row.c, mediatorIds: row.mediatorIds } : undefined;
}

/** Cases the actor mediates, or that lie in the scope of one of their supervisor assignments. */
function visibleTo(actor: Actor): SQL {
  const parts: SQL[] = [
    exists(sql`(SELECT 1 FROM mediation_mediators m WHERE m.case_id = ${mediationCases.id} AND m.user_id = ${actor.userId})`),
  ];
  const cols = { districtId: mediationCases.districtId, streetId: mediationCases.streetId, communityId: mediationCases.communityId };
  const supervised = supervisedAreas(actor);
  if (supervised.all) return sql`true`;
  for (const a of supervised.areas) if (a.key in cols) parts.push(eq(cols[a.key as keyof typeof cols], a.id));
  return or(...parts)!;
}

export async function listCases(db: Conn, actor: Actor, q: MediationQuery) {
  const where = and(
    visibleTo(actor),
    q.status ? eq(mediationCases.status, q.status) : undefined,
    q.kind ? eq(mediationCases.kind, q.kind) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(mediationCases)
      .where(where)
      .orderBy(desc(mediationCases.openedAt), asc(mediationCases.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(mediationCases).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function insertCase(tx: Tx, values: typeof mediationCases.$inferInsert): Promise<CaseRow> {
  const [row] = await tx.insert(mediationCases).values(values).returning();
  return row!;
}

export async function insertParticipants(
  tx: Tx,
  parties: (typeof mediationParties.$inferInsert)[],
  mediators: (typeof mediationMediators.$inferInsert)[],
): Promise<void> {
  await tx.insert(mediationParties).values(parties);
  await tx.insert(mediationMediators).values(mediators);
}

export async function updateCase(tx: Tx, id: string, patch: Partial<typeof mediationCases.$inferInsert>): Promise<void> {
  await tx.update(mediationCases).set(patch).where(eq(mediationCases.id, id));
}

/** Everything shown on a case, read one query after another (it runs inside write transactions too). */
export async function loadCaseParts(db: Conn, caseId: string) {
  const parties = await db
    .select()
    .from(mediationParties)
    .where(eq(mediationParties.caseId, caseId))
    .orderBy(asc(mediationParties.position));
  const mediators = await db
    .select({ id: users.id, name: users.displayName, presiding: mediationMediators.presiding })
    .from(mediationMediators)
    .innerJoin(users, eq(users.id, mediationMediators.userId))
    .where(eq(mediationMediators.caseId, caseId))
    .orderBy(desc(mediationMediators.presiding), asc(users.displayName));
  const sessions = await db
    .select()
    .from(mediationSessions)
    .where(eq(mediationSessions.caseId, caseId))
    .orderBy(asc(mediationSessions.heldAt));
  const agreements = await db
    .select()
    .from(mediationAgreements)
    .where(eq(mediationAgreements.caseId, caseId))
    .orderBy(asc(mediationAgreements.version));
  const followUps = await db
    .select()
    .from(mediationFollowUps)
    .where(eq(mediationFollowUps.caseId, caseId))
    .orderBy(asc(mediationFollowUps.visitedOn));
  const [community] = await db
    .select({ name: areaNodes.name })
    .from(areaNodes)
    .innerJoin(mediationCases, eq(mediationCases.communityId, areaNodes.id))
    .where(eq(mediationCases.id, caseId));
  return { parties, mediators, sessions, agreements, followUps, communityName: community?.name ?? '' };
}
export type CaseParts = Awaited<ReturnType<typeof loadCaseParts>>;

export async function insertSession(tx: Tx, values: typeof mediationSessions.$inferInsert): Promise<void> {
  await tx.insert(mediationSessions).values(values);
}

export async function insertFollowUp(tx: Tx, values: typeof mediationFollowUps.$inferInsert): Promise<void> {
  await tx.insert(mediationFollowUps).values(values);
}

export async function agreementsOf(tx: Tx, caseId: string): Promise<AgreementRow[]> {
  return tx.select().from(mediationAgreements).where(eq(mediationAgreements.caseId, caseId)).orderBy(asc(mediationAgreements.version));
}

export async function insertAgreement(tx: Tx, values: typeof mediationAgreements.$inferInsert): Promise<AgreementRow> {
  const [row] = await tx.insert(mediationAgreements).values(values).returning();
  return row!;
}

export async function updateAgreement(tx: Tx, id: string, patch: Partial<typeof mediationAgreements.$inferInsert>): Promise<void> {
  await tx.update(mediationAgreements).set(patch).where(eq(mediationAgreements.id, id));
}

export async function findAgreementCaseId(db: Conn, id: string): Promise<string | undefined> {
  const [row] = await db.select({ caseId: mediationAgreements.caseId }).from(mediationAgreements).where(eq(mediationAgreements.id, id));
  return row?.caseId;
}

/** Serialises case numbering within a community (two cases opened at once get consecutive numbers). */
export async function lockCaseNumbers(tx: Tx, communityId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`mediation:${communityId}`}))`);
}

export async function nextCaseSeq(tx: Tx, communityId: string, year: number): Promise<number> {
  const [row] = await tx
    .select({ n: max(sql<number>`substring(${mediationCases.caseNo} from '(\\d+)$')::int`) })
    .from(mediationCases)
    .where(and(eq(mediationCases.communityId, communityId), sql`extract(year from ${mediationCases.openedAt}) = ${year}`));
  return Number(row?.n ?? 0) + 1;
}

/** The community node (with its code) a case is opened in. */
export async function findCommunityNode(db: Conn, id: string) {
  const [row] = await db
    .select()
    .from(areaNodes)
    .where(and(eq(areaNodes.id, id), eq(areaNodes.kind, 'community')));
  return row;
}

export { findOrder as findOrderScope } from '../orders/repo.js';

/** The would-be mediators' assignments, with the ancestor ids of their areas. */
export async function mediatorAssignments(db: Conn, userIds: string[]) {
  return db
    .select({
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      areaId: roleAssignments.areaId,
      areaKind: areaNodes.kind,
      districtId: areaNodes.districtId,
      streetId: areaNodes.streetId,
      communityId: areaNodes.communityId,
    })
    .from(roleAssignments)
    .innerJoin(users, and(eq(users.id, roleAssignments.userId), eq(users.active, true)))
    .leftJoin(areaNodes, eq(areaNodes.id, roleAssignments.areaId))
    .where(inArray(roleAssignments.userId, userIds));
}

/** Open cases whose reminder or escalation is due (for the jobs runner), locked and skipped when taken. */
export async function dueCases(tx: Tx, now: Date, remindBefore: Date, limit: number): Promise<CaseRow[]> {
  return tx
    .select()
    .from(mediationCases)
    .where(
      and(
        eq(mediationCases.status, 'open'),
        or(
          and(sql`${mediationCases.remindedAt} IS NULL`, sql`${mediationCases.dueAt} <= ${remindBefore}`),
          and(sql`${mediationCases.escalatedAt} IS NULL`, sql`${mediationCases.dueAt} <= ${now}`),
        ),
      ),
    )
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Users holding one of `roles` on the area `areaId`. */
export async function usersOnArea(tx: Tx, areaId: string, roles: readonly Role[]): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.areaId, areaId), inArray(roleAssignments.role, [...roles])));
  return rows.map((r) => r.id);
}

export async function mediatorsOf(tx: Tx, caseId: string): Promise<string[]> {
  const rows = await tx.select({ id: mediationMediators.userId }).from(mediationMediators).where(eq(mediationMediators.caseId, caseId));
  return rows.map((r) => r.id);
}

/** Notifies each user in their own language (the account's locale), like the orders' notifications. */
export async function notifyUsers(tx: Tx, userIds: string[], kind: string, title: Text): Promise<void> {
  if (!userIds.length) return;
  const rows = await tx.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, userIds));
  await tx.insert(notifications).values(rows.map((u) => ({ userId: u.id, kind, title: title[pickLocale(u.locale)] })));
}
