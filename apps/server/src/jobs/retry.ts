import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/pool.js';

/** Waits before the 2nd … 6th attempt; after the 6th failure a delivery is given up as failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 12 * 3600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A claimed row is retried after this long if the server died while sending it. */
const LEASE_MS = 5 * 60_000;

/** When to try again after failed attempt number `attempts`, or null when it was the last one. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/**
 * Claims up to `limit` pending rows of `table` that are due, counting the attempt and leasing them (their next
 * attempt moves past the lease), so neither a second server nor a crash sends a row twice at the same time.
 */
export async function claimDue<T>(
  db: Db,
  table: 'email_outbox' | 'webhook_deliveries',
  now: Date,
  limit: number,
  extra: SQL = sql``,
): Promise<T[]> {
  const t = sql.identifier(table);
  const r = await db.execute(sql`
    UPDATE ${t} SET attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}::timestamptz
    WHERE id IN (
      SELECT id FROM ${t} WHERE status = 'pending' AND next_attempt_at <= ${now}::timestamptz ${extra}
      ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, attempts`);
  return r.rows as T[];
}
