import { describe, expect, it } from 'vitest';
import { type DelayRule, DEFAULT_THROTTLE, delayAfter, secondsToWait } from './throttle.js';
import { parseTrustProxy } from '../../core/trust-proxy.js';

const rule: DelayRule = { free: 5, baseMs: 2_000, maxMs: 60_000, windowMs: 900_000 };
const now = new Date('2026-12-07T10:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe('sign-in throttle (pure)', () => {
  it('costs nothing for the free failures, then doubles the wait up to the cap', () => {
    expect([0, 5, 6, 7, 8, 9, 10, 11, 12, 40].map((n) => delayAfter(n, rule))).toEqual([
      0, 0, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    expect(delayAfter(10_000, rule)).toBe(60_000);
  });

  it('counts the wait from the latest failure and ends it: a correct password is never refused for good', () => {
    expect(secondsToWait({ n: 7, oldest: ago(100), latest: ago(1) }, rule, now)).toBe(3);
    expect(secondsToWait({ n: 7, oldest: ago(100), latest: ago(4) }, rule, now)).toBe(0);
    expect(secondsToWait({ n: 500, oldest: ago(800), latest: ago(61) }, rule, now)).toBe(0);
    expect(secondsToWait({ n: 5, oldest: ago(10), latest: now }, rule, now)).toBe(0);
  });

  it('an address ceiling waits until its oldest failure leaves the window', () => {
    const ceiling = { max: 3, windowMs: 60_000 };
    expect(secondsToWait({ n: 2, oldest: ago(10), latest: ago(1) }, ceiling, now)).toBe(0);
    expect(secondsToWait({ n: 3, oldest: ago(10), latest: ago(1) }, ceiling, now)).toBe(50);
  });

  it('defaults: a guesser gets at most about one try a minute after the first few', () => {
    expect(delayAfter(DEFAULT_THROTTLE.account.free, DEFAULT_THROTTLE.account)).toBe(0);
    expect(delayAfter(DEFAULT_THROTTLE.account.free + 20, DEFAULT_THROTTLE.account)).toBe(60_000);
  });

  it('LINLI_TRUST_PROXY: never trusts every hop', () => {
    expect([undefined, '', 'false', '0'].map(parseTrustProxy)).toEqual([false, false, false, false]);
    expect(parseTrustProxy('true')).toBe('loopback, linklocal, uniquelocal');
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1')).toBe('10.0.0.0/8, 127.0.0.1');
  });
});
