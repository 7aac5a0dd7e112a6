import type { Locale } from '@linli/contracts';
import { AppError } from '../../core/errors.js';
import type { Db, Tx } from '../../db/pool.js';
import { AUTH_MESSAGES } from './messages.js';
import {
  type FailureKey,
  type RecentFailures,
  deleteFailures,
  deleteFailuresBefore,
  insertFailures,
  recentFailuresOf,
  tryLockAttempt,
} from './repo-throttle.js';

/** Growing waits: the first `free` failures cost nothing, then each one makes the next attempt wait, doubling up to `maxMs`. */
export type DelayRule = { free: number; baseMs: number; maxMs: number; windowMs: number };
/** A ceiling: `max` failures in `windowMs`, then nothing until the oldest leaves the window. */
export type CeilingRule = { max: number; windowMs: number };
export type ThrottleLimits = { account: DelayRule; address: CeilingRule };

/**
 * Per account: 5 free failures, then waits of 2, 4, 8, 16, 32 and at most 60 s (failures are forgotten after 15 minutes
 * or at a successful sign-in). Per address: 100 failures an hour. The correct password always works once the wait is over.
 */
export const DEFAULT_THROTTLE: ThrottleLimits = {
  account: { free: 5, baseMs: 2_000, maxMs: 60_000, windowMs: 15 * 60_000 },
  address: { max: 100, windowMs: 60 * 60_000 },
};

/** The wait after `failures` recent failures, in ms: 0 for the free ones, then baseMs doubling, capped at maxMs. */
export function delayAfter(failures: number, rule: DelayRule): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(30, failures - rule.free - 1));
}

const isDelay = (rule: DelayRule | CeilingRule): rule is DelayRule => 'baseMs' in rule;

/** Seconds still to wait under one rule, given the key's recent failures; 0 when an attempt may go ahead. */
export function secondsToWait(r: RecentFailures, rule: DelayRule | CeilingRule, now: Date): number {
  const until = isDelay(rule)
    ? r.latest && r.latest.getTime() + delayAfter(r.n, rule)
    : r.n >= rule.max && r.oldest && r.oldest.getTime() + rule.windowMs;
  return until && until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export type Guard = { key: FailureKey; rule: DelayRule | CeilingRule };

export const loginGuards = (username: string, ip: string | null, limits: ThrottleLimits): Guard[] => [
  { key: { keyKind: 'account', key: username.toLowerCase() }, rule: limits.account },
  { key: { keyKind: 'address', key: ip ?? 'unknown' }, rule: limits.address },
];

export const passwordGuards = (userId: string, ip: string | null, limits: ThrottleLimits): Guard[] => [
  { key: { keyKind: 'password', key: userId }, rule: limits.account },
  { key: { keyKind: 'address', key: ip ?? 'unknown' }, rule: limits.address },
];

export const tooManyAttempts = (seconds: number, locale: Locale) =>
  new AppError('LIMIT_EXCEEDED', AUTH_MESSAGES.tooManyAttempts(seconds)[locale], { retryAfterSeconds: seconds, reason: 'throttled' });

/**
 * One password attempt under the guards (the first names the account): refused with 429 and the seconds to wait while a
 * guard waits or another attempt on the account is running; otherwise `attempt` runs, a failure counts on every guard
 * and a success clears the account's failures. Refused attempts count nothing, so waiting always ends.
 */
export async function guardedAttempt<T extends { ok: boolean }>(
  db: Db,
  locale: Locale,
  guards: readonly Guard[],
  attempt: (tx: Tx) => Promise<T>,
  now = new Date(),
): Promise<T> {
  return db.transaction(async (tx) => {
    if (!(await tryLockAttempt(tx, guards[0]!.key))) throw tooManyAttempts(1, locale);
    // counted after taking the lock, so a concurrent attempt's failure is already committed and seen
    const recent = await recentFailuresOf(
      tx,
      guards.map((g) => ({ key: g.key, since: new Date(now.getTime() - g.rule.windowMs) })),
    );
    const wait = Math.max(0, ...guards.map((g, i) => secondsToWait(recent[i]!, g.rule, now)));
    if (wait > 0) throw tooManyAttempts(wait, locale);
    const result = await attempt(tx);
    // failures older than the window count for nothing (and are swept), so a success after none needs no delete
    if (result.ok && recent[0]!.n > 0) await deleteFailures(tx, guards[0]!.key);
    else if (!result.ok)
      await insertFailures(
        tx,
        guards.map((g) => g.key),
        now,
      );
    return result;
  });
}

export async function sweepLoginFailures(db: Db, now = new Date()) {
  const longest = Math.max(DEFAULT_THROTTLE.account.windowMs, DEFAULT_THROTTLE.address.windowMs);
  await deleteFailuresBefore(db, new Date(now.getTime() - longest));
}
