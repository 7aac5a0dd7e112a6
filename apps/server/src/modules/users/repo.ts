import type { Role } from '@linli/contracts';
import { type SQL, and, asc, count, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { scopeFieldsOf } from '../../core/scope.js';
import { escapeLike } from '../../db/like.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, handlerOrgs, roleAssignments, users } from '../../db/schema/index.js';
import { usersInScope } from './repo-assignments.js';
import { coversEverything } from './policy.js';

export type UserRow = typeof users.$inferSelect;

/** A page of users visible to the actor (system admin: all), ordered by username. */
export async function selectUsersPage(db: Db, actor: Actor, query: { q?: string; page: number; pageSize: number }) {
  const conditions: SQL[] = [];
  if (!coversEverything(actor, 'users.read')) conditions.push(inArray(users.id, usersInScope(db, actor, 'users.read')));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.username))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findUser(db: Db | Tx, id: string, opts: { forUpdate?: boolean } = {}): Promise<UserRow | undefined> {
  const q = db.select().from(users).where(eq(users.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Area nodes by id with their ancestor ids, for grant checks. */
export function selectAreaScopes(db: Db | Tx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: areaNodes.id,
      ...scopeFieldsOf(areaNodes),
    })
    .from(areaNodes)
    .where(inArray(areaNodes.id, ids));
}

/** Handler organisations by id with the street/community they serve, for grant checks. */
export function selectOrgScopes(db: Db | Tx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: handlerOrgs.id,
      districtId: handlerOrgs.districtId,
      streetId: handlerOrgs.streetId,
      communityId: handlerOrgs.communityId,
    })
    .from(handlerOrgs)
    .where(inArray(handlerOrgs.id, ids));
}

export type NewAssignment = { role: Role; areaId: string | null; orgId: string | null };

export async function replaceAssignments(tx: Tx, userId: string, list: readonly NewAssignment[]): Promise<void> {
  await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (list.length > 0)
    await tx.insert(roleAssignments).values(list.map((a) => ({ userId, role: a.role, areaId: a.areaId, orgId: a.orgId })));
}

export async function insertUser(tx: Tx, values: { username: string; displayName: string; passwordHash: string }): Promise<UserRow> {
  const [row] = await tx.insert(users).values(values).returning();
  return row!;
}

export async function updateUserRow(
  tx: Tx,
  id: string,
  patch: Partial<Pick<UserRow, 'displayName' | 'active' | 'passwordHash'>>,
): Promise<UserRow> {
  const [row] = await tx.update(users).set(patch).where(eq(users.id, id)).returning();
  return row!;
}
