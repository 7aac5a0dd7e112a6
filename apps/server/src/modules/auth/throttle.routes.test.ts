import { ErrorBody } from '@linli/contracts';
import type { FastifyInstance } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { auditLog, loginFailures } from '../../db/schema/index.js';
import { TEST_PASSWORD, buildCommunityTree, buildUser, signIn, testPii, useTestApp } from '../../testing/index.js';
import { parseTrustProxy } from '../../core/trust-proxy.js';
import type { ThrottleLimits } from './throttle.js';

// 2 free failures, then waits of 1, 2 and at most 4 minutes; 6 failures an hour per address. Minutes, so that a slow
// machine's seconds between two requests never end a wait: time passes only where the test moves failures back.
const MIN = 60;
const limits: ThrottleLimits = {
  account: { free: 2, baseMs: MIN * 1000, maxMs: 4 * MIN * 1000, windowMs: 60 * MIN * 1000 },
  address: { max: 6, windowMs: 60 * MIN * 1000 },
};
const ctx = useTestApp({ throttle: limits });
let proxied: FastifyInstance;
beforeAll(async () => {
  proxied = await buildApp({ database: ctx.t, pii: testPii, throttle: limits, trustProxy: parseTrustProxy('true') });
});
afterAll(async () => proxied?.close());

const login = (username: string, password: string, remoteAddress: string, app = ctx.app, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });

/** The wait an answer names, checked to be `seconds` less what the test itself took (under 30 s). */
function expectWait(res: { statusCode: number; headers: Record<string, unknown> }, seconds: number) {
  expect(res.statusCode).toBe(429);
  const wait = Number(res.headers['retry-after']);
  expect(wait).toBeLessThanOrEqual(seconds);
  expect(wait).toBeGreaterThan(seconds - 30);
}

/** Time passing, without sleeping: moves a key's failures `seconds` into the past. */
const age = (key: string, seconds: number) =>
  ctx.t.db.execute(sql`update login_failures set at = at - make_interval(secs => ${seconds}) where key = ${key}`);

const failuresOf = async (keyKind: string, key: string) =>
  (
    await ctx.t.db
      .select()
      .from(loginFailures)
      .where(and(eq(loginFailures.keyKind, keyKind), eq(loginFailures.key, key)))
  ).length;

async function staffUser() {
  const tree = await buildCommunityTree(ctx.t.db);
  return buildUser(ctx.t.db, 'grid_worker', { areaId: tree.grid.id });
}

describe('sign-in throttle', () => {
  it('slows a guesser with growing waits (429 with Retry-After) but lets the correct password in once the wait is over', async () => {
    const u = await staffUser();
    for (let i = 0; i < 3; i++) expect((await login(u.username, 'wrong-password-123', `10.0.1.${i}`)).statusCode).toBe(401);
    const early = await login(u.username, TEST_PASSWORD, '10.0.1.9');
    expectWait(early, MIN);
    expect(ErrorBody.parse(early.json()).error.message).toMatch(/^尝试过于频繁，请 \d+ 秒后再试$/);
    for (let i = 0; i < 5; i++) expect((await login(u.username, 'wrong-password-123', '10.0.1.20')).statusCode).toBe(429);
    expect(await failuresOf('account', u.username)).toBe(3);
    await age(u.username, MIN);
    expect((await login(u.username, 'wrong-password-123', '10.0.1.21')).statusCode).toBe(401);
    expectWait(await login(u.username, TEST_PASSWORD, '10.0.1.9'), 2 * MIN);
    await age(u.username, 2 * MIN);
    for (let i = 0; i < 3; i++) {
      expect((await login(u.username, 'wrong-password-123', '10.0.1.22')).statusCode).toBe(401);
      await age(u.username, 4 * MIN);
    }
    expect((await login(u.username, 'wrong-password-123', '10.0.1.23')).statusCode).toBe(401);
    expectWait(await login(u.username, TEST_PASSWORD, '10.0.1.9'), 4 * MIN);
    await age(u.username, 4 * MIN);
    const ok = await login(u.username, TEST_PASSWORD, '10.0.1.9');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await failuresOf('account', u.username)).toBe(0);
    const denied = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorName, u.username), eq(auditLog.outcome, 'denied')));
    expect(denied.length).toBeGreaterThanOrEqual(7);
  });

  it('lets no more than the free failures and one more through when a guesser fires in parallel', async () => {
    const u = await staffUser();
    const all = await Promise.all(Array.from({ length: 12 }, (_, i) => login(u.username, `wrong-password-${i}`, `10.0.2.${i}`)));
    const codes = all.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(3);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(9);
    expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
  });

  it("limits an address across accounts, without touching the account's owner at another address", async () => {
    const u = await staffUser();
    for (let i = 0; i < 6; i++) expect((await login(`ghost-${i}`, 'wrong-password-123', '10.9.9.9')).statusCode).toBe(401);
    const blocked = await login(u.username, TEST_PASSWORD, '10.9.9.9');
    expect(blocked.statusCode).toBe(429);
    expectWait(blocked, 60 * MIN);
    expect((await login(u.username, TEST_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('behind a trusted proxy: limits the real client address, whatever it writes into X-Forwarded-For', async () => {
    for (let i = 0; i < 6; i++) {
      const spoofed = { 'x-forwarded-for': `192.0.2.${i}, 198.51.100.7` };
      expect((await login(`phantom-${i}`, 'wrong-password-123', '127.0.0.1', proxied, spoofed)).statusCode).toBe(401);
    }
    expect(await failuresOf('address', '198.51.100.7')).toBe(6);
    expect((await login('phantom-x', 'x', '127.0.0.1', proxied, { 'x-forwarded-for': '192.0.2.99, 198.51.100.7' })).statusCode).toBe(429);
    expect((await login('phantom-x', 'x', '127.0.0.1', proxied, { 'x-forwarded-for': '198.51.100.8' })).statusCode).toBe(401);
    const rows = await ctx.t.db.select().from(auditLog).where(eq(auditLog.actorName, 'phantom-0'));
    expect(rows.map((r) => r.ip)).toEqual(['198.51.100.7']);
  });

  it('without a trusted proxy: X-Forwarded-For is ignored', async () => {
    await login('phantom-direct', 'x', '10.0.3.1', ctx.app, { 'x-forwarded-for': '203.0.113.5' });
    const rows = await ctx.t.db.select().from(auditLog).where(eq(auditLog.actorName, 'phantom-direct'));
    expect(rows.map((r) => r.ip)).toEqual(['10.0.3.1']);
  });

  it('throttles guesses of the current password at a password change the same way', async () => {
    const u = await staffUser();
    const agent = await signIn(ctx.app, u.username, TEST_PASSWORD);
    const change = (currentPassword: string) => agent.post('/api/me/password', { currentPassword, newPassword: 'a-new-long-password-1' });
    for (let i = 0; i < 3; i++) expect((await change('wrong-password-123')).statusCode).toBe(400);
    expectWait(await change(TEST_PASSWORD), MIN);
    await age(u.id, MIN);
    expect((await change(TEST_PASSWORD)).statusCode).toBe(200);
    expect((await login(u.username, 'a-new-long-password-1', '10.0.4.1')).statusCode).toBe(200);
  });
});
