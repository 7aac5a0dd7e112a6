import { ErrorBody } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, TEST_PASSWORD, buildCommunityTree, buildHousehold, buildUser, signIn, useTestApp } from '../testing/index.js';
import { bucketOf } from './rate-limit.js';

const few = { count: 3, perSeconds: 600 };
const h = useTestApp({ rateLimits: { reveal: few, export: few, import: few, search: few, streamsPerUser: 2 } });
let staff: Agent;
let colleague: Agent;
let tree: Awaited<ReturnType<typeof buildCommunityTree>>;
beforeAll(async () => {
  tree = await buildCommunityTree(h.t.db);
  const [a, b] = [
    await buildUser(h.t.db, 'community_staff', { areaId: tree.community.id }),
    await buildUser(h.t.db, 'community_staff', { areaId: tree.community.id }),
  ];
  [staff, colleague] = [await signIn(h.app, a.username, TEST_PASSWORD), await signIn(h.app, b.username, TEST_PASSWORD)];
});

/** Calls `call` four times: three pass the limiter, the fourth answers 429 with Retry-After and names the limit. */
async function expectFourthLimited(
  call: () => Promise<{ statusCode: number; headers: Record<string, unknown>; json: () => unknown }>,
  limit: string,
) {
  for (let i = 0; i < 3; i++) expect((await call()).statusCode).not.toBe(429);
  const res = await call();
  expect(res.statusCode).toBe(429);
  // one token comes back every 200 s; the calls themselves took a few of them
  const wait = Number(res.headers['retry-after']);
  expect(wait).toBeGreaterThan(170);
  expect(wait).toBeLessThanOrEqual(200);
  const body = ErrorBody.parse(res.json());
  expect(body.error).toMatchObject({ code: 'LIMIT_EXCEEDED', message: `操作过于频繁，请 ${wait} 秒后再试`, details: { limit } });
}

describe('per-user rate limits', () => {
  it('community_staff: reveals are limited per user (429 with Retry-After); a colleague still reveals', async () => {
    const r = (await buildHousehold(h.t.db, tree.building)).members[0]!;
    await expectFourthLimited(() => staff.post(`/api/residents/${r.id}/reveal`, { fields: ['phone'], reason: '联系家属' }), 'reveal');
    expect((await colleague.post(`/api/residents/${r.id}/reveal`, { fields: ['phone'], reason: '联系家属' })).statusCode).toBe(200);
  });

  it('community_staff: searches are limited, plain list pages are not', async () => {
    await expectFourthLimited(() => staff.get('/api/residents?q=%E5%BC%A0'), 'search');
    for (let i = 0; i < 5; i++) expect((await staff.get('/api/residents')).statusCode).toBe(200);
  });

  it('community_staff: exports and imports are limited', async () => {
    await expectFourthLimited(() => staff.get('/api/exports/residents.xlsx'), 'export');
    await expectFourthLimited(() => staff.post('/api/imports/00000000-0000-4000-9000-000000000001/dry-run'), 'import');
    expect((await colleague.get('/api/exports/residents.xlsx')).statusCode).toBe(200);
  });

  it('limits the routes it means to: each exists and spends from its bucket', () => {
    const routes = new Set(h.app.routeList.flatMap((r) => r.methods.map((m) => `${m} ${r.url}`)));
    const expected: [string, string, Record<string, string>, string][] = [
      ['POST', '/api/residents/:id/reveal', {}, 'reveal'],
      ['POST', '/api/party/members/:id/reveal', {}, 'reveal'],
      ['GET', '/api/exports/residents.xlsx', {}, 'export'],
      ['GET', '/api/exports/households.xlsx', {}, 'export'],
      ['GET', '/api/figures/export.xlsx', {}, 'export'],
      ['GET', '/api/reports/work.xlsx', {}, 'export'],
      ['POST', '/api/imports', {}, 'import'],
      ['POST', '/api/imports/:id/commit', {}, 'import'],
      ['GET', '/api/residents', { q: '张' }, 'search'],
      ['GET', '/api/households', { q: '3栋' }, 'search'],
    ];
    for (const [method, url, query, bucket] of expected) {
      expect(routes.has(`${method} ${url}`), url).toBe(true);
      expect(bucketOf(method, url, query), url).toBe(bucket);
    }
  });
});

describe('live notification streams', () => {
  let base: string;
  let closing = false;
  beforeAll(async () => {
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    // fetch opens a spare socket when a stream ends at shutdown; refuse it, or closing waits for its timeout
    h.app.server.on('connection', (socket) => closing && socket.destroy());
  });
  afterAll(() => {
    closing = true;
  });

  it('community_staff: may keep a capped number of streams open; one more answers 429 until one closes', async () => {
    const open = () => fetch(`${base}/api/notifications/stream`, { headers: { cookie: staff.cookie } });
    const [one, two] = [await open(), await open()];
    expect([one.status, two.status]).toEqual([200, 200]);
    const third = await open();
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('30');
    expect(ErrorBody.parse(await third.json()).error.details?.limit).toBe('streams');
    const theirs = await fetch(`${base}/api/notifications/stream`, { headers: { cookie: colleague.cookie } });
    expect(theirs.status).toBe(200);
    await one.body!.cancel();
    let again = await open();
    for (let i = 0; i < 200 && again.status === 429; i++) {
      await new Promise((r) => setTimeout(r, 50));
      again = await open();
    }
    expect(again.status).toBe(200);
    await Promise.all([two.body!.cancel(), theirs.body!.cancel(), again.body!.cancel()]);
  });
});
