import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, TokenBuckets, bucketOf, rateLimitsFromEnv } from './rate-limit.js';

describe('rate limits (pure)', () => {
  it('a token bucket grants a burst of `count`, then one request per refill interval, and says how long to wait', () => {
    let t = 0;
    const buckets = new TokenBuckets(() => t);
    const rule = { count: 3, perSeconds: 30 };
    expect([1, 2, 3].map(() => buckets.take('u1', rule))).toEqual([0, 0, 0]);
    expect(buckets.take('u1', rule)).toBe(10);
    expect(buckets.take('u2', rule)).toBe(0);
    t += 9_000;
    expect(buckets.take('u1', rule)).toBe(1);
    t += 1_000;
    expect(buckets.take('u1', rule)).toBe(0);
    t += 3_600_000;
    expect([1, 2, 3, 4].map(() => buckets.take('u1', rule))).toEqual([0, 0, 0, 10]);
  });

  it('spends reveals, register imports, exports and searches; nothing else', () => {
    expect(bucketOf('POST', '/api/residents/:id/reveal', {})).toBe('reveal');
    expect(bucketOf('POST', '/api/imports', {})).toBe('import');
    expect(bucketOf('POST', '/api/imports/:id/commit', {})).toBe('import');
    expect(bucketOf('GET', '/api/exports/residents.xlsx', {})).toBe('export');
    expect(bucketOf('GET', '/api/reports/work.xlsx', {})).toBe('export');
    expect(bucketOf('GET', '/api/imports/template.xlsx', {})).toBeNull();
    expect(bucketOf('GET', '/api/residents', { q: '138' })).toBe('search');
    expect(bucketOf('GET', '/api/residents', { address: '3栋' })).toBe('search');
    expect(bucketOf('GET', '/api/residents', { q: '  ' })).toBeNull();
    expect(bucketOf('GET', '/api/residents', {})).toBeNull();
    expect(bucketOf('GET', '/api/imports/:id', {})).toBeNull();
    expect(bucketOf('POST', '/api/orders', { q: 'x' })).toBeNull();
    expect(bucketOf('GET', undefined, { q: 'x' })).toBeNull();
  });

  it('reads LINLI_RATE_* as "count/seconds" and refuses nonsense at start', () => {
    expect(rateLimitsFromEnv({})).toEqual(DEFAULT_RATE_LIMITS);
    const env = { LINLI_RATE_REVEAL: '5/60', LINLI_RATE_SEARCH: ' 10 / 1 ', LINLI_MAX_STREAMS_PER_USER: '3' };
    expect(rateLimitsFromEnv(env)).toMatchObject({
      reveal: { count: 5, perSeconds: 60 },
      search: { count: 10, perSeconds: 1 },
      streamsPerUser: 3,
    });
    expect(() => rateLimitsFromEnv({ LINLI_RATE_EXPORT: 'lots' })).toThrow(/LINLI_RATE_EXPORT/);
    expect(() => rateLimitsFromEnv({ LINLI_RATE_EXPORT: '0/60' })).toThrow(/LINLI_RATE_EXPORT/);
    expect(() => rateLimitsFromEnv({ LINLI_MAX_STREAMS_PER_USER: '0' })).toThrow(/LINLI_MAX_STREAMS_PER_USER/);
  });
});
