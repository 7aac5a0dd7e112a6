import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/pool.js';
import { type FailureKey, deleteFailures, deleteFailuresBefore, insertFailures, recentFailures } from './repo-throttle.js';

export type ThrottleLimits = { account: { max: number; windowMs: number }; address: { max: number; windowMs: number } };

/** Per account 10 failures in 15 minutes; per address 100 failures an hour. */
export const DEFAULT_THROTTLE: ThrottleLimits = {
  account: { max: 10, windowMs: 15 * 60_000 },
  address: { max: 100, windowMs: 60 * 60_000 },
};

async function retryAfter(db: Db, k: FailureKey, limit: { max: number; windowMs: number }, now: Date): Promise<number | null> {
  const r = await recentFailures(db, k, new Date(now.getTime() - limit.windowMs));
  if (r.n < limit.max || !r.oldest) return null;
  return Math.max(1, Math.ceil((r.oldest.getTime() + limit.windowMs - now.getTime()) / 1000));
}

const keys = (username: string, ip: string | null) => ({
  account: { keyKind: 'account' as const, key: username.toLowerCase() },
  address: { keyKind: 'address' as const, key: ip ?? 'unknown' },
});

/** Throws LIMIT_EXCEEDED with the seconds to wait when either counter is full. */
export async function assertNotThrottled(db: Db, username: string, ip: string | null, limits: ThrottleLimits, now = new Date()) {
  const k = keys(username, ip);
  const waits = await Promise.all([retryAfter(db, k.account, limits.account, now), retryAfter(db, k.address, limits.address, now)]);
  const wait = Math.max(...waits.map((w) => w ?? 0));
  if (wait > 0) throw new AppError('LIMIT_EXCEEDED', undefined, { retryAfterSeconds: wait });
}

export async function recordLoginFailure(db: Db, username: string, ip: string | null, now = new Date()) {
  const k = keys(username, ip);
  await insertFailures(db, [k.account, k.address], now);
}

export async function clearAccountFailures(db: Db, username: string) {
  await deleteFailures(db, keys(username, null).account);
}

export async function sweepLoginFailures(db: Db, now = new Date()) {
  await deleteFailuresBefore(db, new Date(now.getTime() - DEFAULT_THROTTLE.address.windowMs));
}
