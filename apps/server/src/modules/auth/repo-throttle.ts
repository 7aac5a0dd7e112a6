import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { loginFailures } from '../../db/schema/index.js';

type Conn = Db | Tx;

/** `account`: sign-in by username; `password`: a signed-in user's current password (by user id); `address`: client address. */
export type FailureKey = { keyKind: 'account' | 'password' | 'address'; key: string };

export type RecentFailures = { n: number; oldest: Date | null; latest: Date | null };

/** How many failures each key has had since its `since`, and when the oldest and the latest were: one query, in the order given. */
export async function recentFailuresOf(db: Conn, keys: readonly { key: FailureKey; since: Date }[]): Promise<RecentFailures[]> {
  const wanted = JSON.stringify(keys.map((k, i) => ({ i, kind: k.key.keyKind, key: k.key.key, since: k.since.toISOString() })));
  const r = await db.execute<{ n: number; oldest: string | null; latest: string | null }>(
    sql`SELECT count(f.id)::int AS n, min(f.at) AS oldest, max(f.at) AS latest
        FROM jsonb_to_recordset(${wanted}::jsonb) AS k(i int, kind text, key text, since timestamptz)
        LEFT JOIN ${loginFailures} f ON f.key_kind = k.kind AND f.key = k.key AND f.at > k.since
        GROUP BY k.i ORDER BY k.i`,
  );
  const date = (d: string | null) => (d ? new Date(d) : null);
  return r.rows.map((row) => ({ n: row.n, oldest: date(row.oldest), latest: date(row.latest) }));
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
