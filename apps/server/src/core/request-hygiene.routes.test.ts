import { ErrorBody } from '@linli/contracts';
import { DrizzleQueryError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import {
  type Agent,
  TEST_PASSWORD,
  type Tree,
  buildCommunityTree,
  buildHousehold,
  buildUser,
  signIn,
  testPii,
  useTestApp,
} from '../testing/index.js';
import { loggableError } from './http.js';

const PHONE = '13812345678';
const lines: string[] = [];
const ctx = useTestApp({ logger: { level: 'info', stream: { write: (l) => void lines.push(l) } } });
let tree: Tree;
let staff: Agent;
let staffName: string;
let admin: Agent;

type LogLine = { level: number; msg: string; reqId?: string; method?: string; route?: string; status?: number; ms?: number };
const parsed = (from: string[] = lines) => from.map((l) => JSON.parse(l) as LogLine);
const issuesOf = (res: { json: () => unknown }) => ErrorBody.parse(res.json()).error.details?.issues ?? [];

beforeAll(async () => {
  tree = await buildCommunityTree(ctx.t.db);
  await buildHousehold(ctx.t.db, tree.building, { head: { name: '张三', phone: PHONE } });
  const user = await buildUser(ctx.t.db, 'community_staff', { areaId: tree.community.id });
  staffName = user.username;
  staff = await signIn(ctx.app, user.username, TEST_PASSWORD);
  const a = await buildUser(ctx.t.db, 'community_admin', { areaId: tree.community.id });
  admin = await signIn(ctx.app, a.username, TEST_PASSWORD);
});

describe('request logs', () => {
  it('carry method, route pattern, status, duration and request id, and no phone, username, query or address', async () => {
    lines.length = 0;
    const search = await staff.request({ method: 'GET', url: `/api/residents?q=${PHONE}`, headers: { 'x-request-id': 'search-1' } });
    expect(search.statusCode).toBe(200);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: staffName, password: 'wrong-password-1' },
      headers: { 'x-request-id': 'login-1' },
    });
    expect(login.statusCode).toBe(401);

    const log = lines.join('');
    for (const secret of [PHONE, staffName, 'wrong-password-1', '127.0.0.1', 'q=', 'linli_sid', staff.csrf])
      expect(log).not.toContain(secret);
    const requests = parsed().filter((l) => l.msg === 'request');
    expect(requests).toContainEqual(
      expect.objectContaining({ reqId: 'search-1', method: 'GET', route: '/api/residents', status: 200, ms: expect.any(Number) }),
    );
    expect(requests).toContainEqual(expect.objectContaining({ reqId: 'login-1', method: 'POST', route: '/api/auth/login', status: 401 }));
    expect(Object.keys(requests[0]!).sort()).toEqual(
      ['level', 'method', 'ms', 'msg', 'pid', 'reqId', 'route', 'status', 'time', 'hostname'].sort(),
    );
  });

  it('carry the client address only with LOG_CLIENT_ADDRESS', async () => {
    const own: string[] = [];
    const app = await buildApp({
      database: ctx.t,
      pii: testPii,
      logger: { level: 'info', clientAddress: true, stream: { write: (l) => void own.push(l) } },
    });
    await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.9' });
    await app.close();
    expect(parsed(own).find((l) => l.msg === 'request')).toMatchObject({ route: '/api/health', address: '203.0.113.9' });
  });

  it('log errors without the query parameters drizzle puts in its message, or values PostgreSQL quotes', () => {
    const cause = Object.assign(new Error(`invalid input syntax for type uuid: "${PHONE}"`), { code: '22P02' });
    const logged = loggableError(new DrizzleQueryError('select * from residents where phone_tail = $1', [PHONE], cause));
    expect(JSON.stringify(logged)).not.toContain(PHONE);
    expect(logged).toMatchObject({ type: 'DrizzleQueryError', code: '22P02', message: 'invalid input syntax for type uuid: "…"' });
  });
});

describe('Cache-Control', () => {
  it('is no-store on API answers, signed in or not, errors included', async () => {
    for (const res of [
      await staff.get(`/api/residents?q=${PHONE}`),
      await staff.get('/api/me'),
      await ctx.app.inject({ method: 'GET', url: '/api/me' }),
      await ctx.app.inject({ method: 'GET', url: '/api/nope' }),
      await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } }),
    ])
      expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is left to the defaults on the OpenAPI document', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).headers['cache-control']).toBeUndefined();
  });
});

describe('text PostgreSQL cannot store', () => {
  it('answers 400 naming the sign-in field, in the user language', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ad\u0000min', password: 'whatever-password' },
      headers: { 'x-linli-locale': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.code).toBe('VALIDATION');
    expect(issuesOf(res)).toEqual([{ path: 'username', message: expect.stringMatching(/NUL/) }]);
    const zh = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'pass\u0000word' } });
    expect(issuesOf(zh)).toEqual([{ path: 'password', message: expect.stringMatching(/不允许的字符/) }]);
  });

  it('answers 400 for a lone surrogate (raw JSON escape) as for NUL', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"a\\ud800b","password":"whatever-password"}',
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)[0]?.path).toBe('username');
  });

  it('answers 400 for NUL in a query string, naming it', async () => {
    const res = await staff.get('/api/residents?q=%00');
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)[0]?.path).toBe('querystring.q');
  });

  it('answers 400 for NUL in a body field of a write and stores nothing', async () => {
    const other = await buildUser(ctx.t.db, 'community_staff', { areaId: tree.community.id });
    const res = await admin.patch(`/api/users/${other.id}`, { displayName: 'Bad\u0000Name' });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([{ path: 'displayName', message: expect.any(String) }]);
    const row = await ctx.t.pool.query('SELECT display_name FROM users WHERE id = $1', [other.id]);
    expect(row.rows[0].display_name).toBe(other.displayName);
  });
});

describe('a malformed multipart body', () => {
  const upload = (body: string, boundary = 'XyZ') =>
    staff.request({
      method: 'POST',
      url: `/api/imports?communityId=${tree.community.id}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });

  it('answers 400 when the form ends early', async () => {
    const res = await upload('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="r.xlsx"\r\n\r\nPK\u0003\u0004');
    expect(res.statusCode, res.body).toBe(400);
    expect(ErrorBody.parse(res.json()).error.code).toBe('VALIDATION');
  });

  it('answers 400 for a broken part header or a missing boundary', async () => {
    expect((await upload('--XyZ\r\nthis is no header\r\n\r\nabc\r\n--XyZ--\r\n')).statusCode).toBe(400);
    const noBoundary = await staff.request({
      method: 'POST',
      url: `/api/imports?communityId=${tree.community.id}`,
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'abc',
    });
    expect(noBoundary.statusCode).toBe(400);
  });
});

afterAll(() => {
  lines.length = 0;
});
