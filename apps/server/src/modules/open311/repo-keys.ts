import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, open311Keys } from '../../db/schema/index.js';

export type KeyRow = typeof open311Keys.$inferSelect;
export type KeyWithCommunity = KeyRow & { communityName: string };

const withCommunity = { key: open311Keys, communityName: areaNodes.name };

/** Keys inside the actor's integrations scope, newest first. */
export async function listKeysInScope(db: Db, actor: Actor): Promise<KeyWithCommunity[]> {
  const rows = await db
    .select(withCommunity)
    .from(open311Keys)
    .innerJoin(areaNodes, eq(areaNodes.id, open311Keys.communityId))
    .where(scopeFilter(actor, 'integrations.manage', open311Keys))
    .orderBy(desc(open311Keys.createdAt));
  return rows.map((r) => ({ ...r.key, communityName: r.communityName }));
}

export async function findKey(db: Db | Tx, id: string, lock = false): Promise<KeyWithCommunity | undefined> {
  const q = db
    .select(withCommunity)
    .from(open311Keys)
    .innerJoin(areaNodes, eq(areaNodes.id, open311Keys.communityId))
    .where(eq(open311Keys.id, id));
  const [row] = lock ? await q.for('update', { of: open311Keys }) : await q;
  return row && { ...row.key, communityName: row.communityName };
}

export async function insertKey(tx: Tx, values: typeof open311Keys.$inferInsert): Promise<string> {
  const [row] = await tx.insert(open311Keys).values(values).returning({ id: open311Keys.id });
  return row!.id;
}

export async function markKeyRevoked(tx: Tx, id: string): Promise<void> {
  await tx.update(open311Keys).set({ revokedAt: new Date() }).where(eq(open311Keys.id, id));
}

/** The live (not revoked) key with this hash. */
export async function findLiveKeyByHash(db: Db | Tx, keyHash: string): Promise<KeyRow | undefined> {
  const [row] = await db
    .select()
    .from(open311Keys)
    .where(and(eq(open311Keys.keyHash, keyHash), isNull(open311Keys.revokedAt)));
  return row;
}

/** Stamps last use at most once a minute, so busy clients do not write (and lock the row) on every call. */
export async function touchKey(db: Db | Tx, id: string): Promise<void> {
  await db
    .update(open311Keys)
    .set({ lastUsedAt: new Date() })
    .where(
      and(eq(open311Keys.id, id), sql`(${open311Keys.lastUsedAt} IS NULL OR ${open311Keys.lastUsedAt} < now() - interval '1 minute')`),
    );
}
