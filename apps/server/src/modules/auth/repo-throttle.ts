import { and, eq, lt } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { loginFailures } from '../../db/schema/index.js';
import { preparedRows } from './repo.js';

type Conn = Db | Tx;

/** `account`: sign-in by username; `password`: a signed-in user's current password (by user id); `address`: client address. */
export type FailureKey = { keyKind: 'account' | 'password' | 'address'; key: string };

export type RecentFailures = { n: number; oldest: Date | null; latest: Date | null };

const RECENT_FAILURES_SQL = `SELECT count(f.id)::int AS n, min(f.at) AS oldest, max(f.at) AS latest
  FROM jsonb_to_recordset($1::jsonb) AS k(i int, kind text, key text, since timestamptz)
  LEFT JOIN login_failures f ON f.key_kind = k.kind AND f.key = k.key AND f.at > k.since
  GROUP BY k.i ORDER BY k.i`;

/** How many failures each key has had since its `since`, and when the oldest and the latest were: one query, in the order given. */
export async function recentFailuresOf(db: Conn, keys: readonly { key: FailureKey; since: Date }[]): Promise<RecentFailures[]> {
  const wanted = JSON.stringify(keys.map((k, i) => ({ i, kind: k.key.keyKind, key: k.key.key, since: k.since.toISOString() })));
  type Row = { n: number; oldest: string | null; latest: string | null };
  const rows = await preparedRows<Row>(db, 'linli_recent_failures', RECENT_FAILURES_SQL, [wanted]);
  const date = (d: string | null) => (d ? new Date(d) : null);
  return rows.map((row) => ({ n: row.n, oldest: date(row.oldest), latest: date(row.latest) }));
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
  const sql = 'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS ok';
  const [row] = await preparedRows<{ ok: boolean }>(tx, 'linli_attempt_lock', sql, [`${k.keyKind}:${k.key}`]);
  return row?.ok === true;
}
