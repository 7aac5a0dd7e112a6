import { and, count, eq, gt, lt, min } from 'drizzle-orm';
import type { Db } from '../../db/pool.js';
import { loginFailures } from '../../db/schema/index.js';

export type FailureKey = { keyKind: 'account' | 'address'; key: string };

/** How many failures a key has had since `since`, and when the oldest of them was. */
export async function recentFailures(db: Db, k: FailureKey, since: Date): Promise<{ n: number; oldest: Date | null }> {
  const [r] = await db
    .select({ n: count(), oldest: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.keyKind, k.keyKind), eq(loginFailures.key, k.key), gt(loginFailures.at, since)));
  return { n: r?.n ?? 0, oldest: r?.oldest ? new Date(r.oldest) : null };
}

export async function insertFailures(db: Db, keys: readonly FailureKey[], at: Date): Promise<void> {
  await db.insert(loginFailures).values(keys.map((k) => ({ ...k, at })));
}

export async function deleteFailures(db: Db, k: FailureKey): Promise<void> {
  await db.delete(loginFailures).where(and(eq(loginFailures.keyKind, k.keyKind), eq(loginFailures.key, k.key)));
}

export async function deleteFailuresBefore(db: Db, before: Date): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, before));
}
