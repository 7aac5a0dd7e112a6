import { and, count, eq, gt, lt, max, min, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { loginFailures } from '../../db/schema/index.js';

type Conn = Db | Tx;

/** `account`: sign-in by username; `password`: a signed-in user's current password (by user id); `address`: client address. */
export type FailureKey = { keyKind: 'account' | 'password' | 'address'; key: string };

export type RecentFailures = { n: number; oldest: Date | null; latest: Date | null };

/** How many failures a key has had since `since`, and when the oldest and the latest of them were. */
export async function recentFailures(db: Conn, k: FailureKey, since: Date): Promise<RecentFailures> {
  const [r] = await db
    .select({ n: count(), oldest: min(loginFailures.at), latest: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.keyKind, k.keyKind), eq(loginFailures.key, k.key), gt(loginFailures.at, since)));
  const date = (d: Date | string | null | undefined) => (d ? new Date(d) : null);
  return { n: r?.n ?? 0, oldest: date(r?.oldest), latest: date(r?.latest) };
}

export async function insertFailures(db: Conn, keys: readonly FailureKey[], at: Date): Promise<void> {
  await db.insert(loginFailures).values(keys.map((k) => ({ ...k, at })));
}

export async function deleteFailures(db: Conn, k: FailureKey): Promise<void> {
  await db.delete(loginFailures).where(and(eq(loginFailures.keyKind, k.keyKind), eq(loginFailures.key, k.key)));
}

export async function deleteFailuresBefore(db: Conn, before: Date): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, before));
}

/** One attempt per key at a time, on every server: false when another attempt holds it (until its transaction ends). */
export async function tryLockAttempt(tx: Tx, k: FailureKey): Promise<boolean> {
  const r = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(hashtextextended(${`${k.keyKind}:${k.key}`}, 0)) as ok`);
  return r.rows[0]?.ok === true;
}
