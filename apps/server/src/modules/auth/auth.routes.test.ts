import { ErrorBody, MeDto } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions } from '../../db/schema/index.js';
import { TEST_PASSWORD, buildCommunityTree, buildUser, signIn, useTestApp } from '../../testing/index.js';

const ctx = useTestApp();

describe('sign-in', () => {
  let staff: Awaited<ReturnType<typeof buildUser>>;
  beforeAll(async () => {
    const tree = await buildCommunityTree(ctx.t.db);
    staff = await buildUser(ctx.t.db, 'community_staff', { areaId: tree.community.id });
  });

  it('community_staff: can sign in and read /api/me with roles, scopes and abilities', async () => {
    const agent = await signIn(ctx.app, staff.username, TEST_PASSWORD);
    const res = await agent.get('/api/me');
    expect(res.statusCode).toBe(200);
    const me = MeDto.parse(res.json());
    expect(me.roles).toEqual(['community_staff']);
    expect(me.scopes[0]?.areaKind).toBe('community');
    expect(me.abilities).toContain('registry.read');
    expect(me.abilities).not.toContain('users.write');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('sets an HttpOnly SameSite cookie and rotates the session at each sign-in', async () => {
    const first = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: staff.username, password: TEST_PASSWORD },
    });
    const c1 = first.cookies.find((c) => c.name === 'linli_sid')!;
    expect(c1.httpOnly).toBe(true);
    expect(c1.sameSite).toBe('Lax');
    const second = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: staff.username, password: TEST_PASSWORD },
      headers: { cookie: `linli_sid=${c1.value}` },
    });
    const c2 = second.cookies.find((c) => c.name === 'linli_sid')!;
    expect(c2.value).not.toBe(c1.value);
    const old = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `linli_sid=${c1.value}` } });
    expect(old.statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown user alike, and audits both', async () => {
    const a = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: staff.username, password: 'wrong-password-123' },
    });
    const b = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody-here', password: 'wrong-password-123' },
    });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(ErrorBody.parse(a.json()).error.message).toBe(ErrorBody.parse(b.json()).error.message);
    const rows = await ctx.t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login'));
    expect(rows.filter((r) => r.outcome === 'failed').map((r) => r.actorName)).toEqual(
      expect.arrayContaining([staff.username, 'nobody-here']),
    );
  });

  it('community_staff: has no saved language until choosing one, then keeps it', async () => {
    const tree = await buildCommunityTree(ctx.t.db);
    const fresh = await buildUser(ctx.t.db, 'community_staff', { areaId: tree.community.id });
    const agent = await signIn(ctx.app, fresh.username, TEST_PASSWORD);
    expect(MeDto.parse((await agent.get('/api/me')).json()).user.locale).toBeNull();
    expect((await agent.put('/api/me/locale', { locale: 'zh-CN' })).statusCode).toBe(200);
    const again = await signIn(ctx.app, fresh.username, TEST_PASSWORD);
    expect(MeDto.parse((await again.get('/api/me')).json()).user.locale).toBe('zh-CN');
  });

  it('rejects a write without the CSRF header', async () => {
    const agent = await signIn(ctx.app, staff.username, TEST_PASSWORD);
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/api/me/locale',
      payload: { locale: 'en' },
      headers: { cookie: agent.cookie },
    });
    expect(res.statusCode).toBe(403);
    const ok = await agent.put('/api/me/locale', { locale: 'en' });
    expect(ok.statusCode).toBe(200);
    expect(MeDto.parse((await agent.get('/api/me')).json()).user.locale).toBe('en');
  });

  it('signs out and the session no longer works', async () => {
    const agent = await signIn(ctx.app, staff.username, TEST_PASSWORD);
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await agent.get('/api/me')).statusCode).toBe(401);
  });

  it('expires a session idle for 30 minutes', async () => {
    const agent = await signIn(ctx.app, staff.username, TEST_PASSWORD);
    await ctx.t.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, staff.id));
    expect((await agent.get('/api/me')).statusCode).toBe(401);
  });

  it('expires a session 12 hours after sign-in even when active', async () => {
    const agent = await signIn(ctx.app, staff.username, TEST_PASSWORD);
    await ctx.t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, staff.id));
    expect((await agent.get('/api/me')).statusCode).toBe(401);
  });
});

describe('bad input', () => {
  it('gives field-level messages in Chinese by default and English on request', async () => {
    const zh = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(zh.statusCode).toBe(400);
    const body = ErrorBody.parse(zh.json());
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details?.issues?.map((i) => i.path).sort()).toEqual(['password', 'username']);
    expect(body.error.details?.issues?.find((i) => i.path === 'password')?.message).toBe('此项为必填');
    const en = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(ErrorBody.parse(en.json()).error.details?.issues?.[0]?.message).toBe('Required');
  });

  it('answers malformed JSON with 400 VALIDATION', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.code).toBe('VALIDATION');
  });
});
