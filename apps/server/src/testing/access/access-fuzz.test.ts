import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../seed/index.js';
import { TEST_PASSWORD, testPii, useTestApp } from '../index.js';
import { fuzzTargets, judge, runFuzz } from './fuzz.js';
import { type CheckWorld, checkWorld, rowCounts } from './harness.js';
import { runAccessMatrix } from './run-matrix.js';

/** The quick versions of `npm run check:access` and `npm run check:fuzz` (docs/CHECKS.md) on the seeded demo. */
const h = useTestApp();
let world: CheckWorld;

beforeAll(async () => {
  await seedDemo({ db: h.t.db, pii: testPii, password: TEST_PASSWORD, log: () => undefined });
  world = await checkWorld(h.app, h.t.pool, TEST_PASSWORD);
}, 240_000);

describe('access matrix', () => {
  let result: Awaited<ReturnType<typeof runAccessMatrix>>;
  beforeAll(async () => {
    result = await runAccessMatrix(world.ops, world.rows, world.callers, { callersPerOperation: 3 });
  }, 240_000);

  it('has an entry for every operation of /api/openapi.json', () => {
    expect(result.missing, `operations without an entry in testing/access/matrix.ts:\n${result.missing.join('\n')}`).toEqual([]);
  });

  it('answers every route × demo role × inside/outside row as policy says', () => {
    expect(result.passed).toBeGreaterThan(300);
    expect(result.failures).toEqual([]);
  });

  it('keeps its known-defect marks true: an entry whose cells all pass now must drop its mark', () => {
    expect(result.fixedDefects).toEqual([]);
  });
});

describe('the fuzz judge', () => {
  const op = { method: 'POST', path: '/api/x', op: {} };
  const c = { method: 'POST', url: '/api/x', what: 'x nasty' };
  it.each([
    [500, '{"error":{"code":"INTERNAL"}}', /answered 500/],
    [400, 'Error: boom\n    at verb (/work/main/apps/server/src/modules/x.ts:12:3)', /internals/],
    [400, '{"message":"insert into residents violates foreign key constraint"}', /internals/],
    [409, '{"detail":"SELECT id FROM residents WHERE 1"}', /internals/],
  ])('flags a %i answer that gives away too much (%s)', (status, body, problem) => {
    expect(judge(op, c, status, body)?.problem).toMatch(problem);
  });
  it('passes a clean 400 with field errors', () => {
    expect(judge(op, c, 400, '{"error":{"code":"VALIDATION","details":{"issues":[{"path":"name"}]}}}')).toBeNull();
  });
  it('reads text answers for leaks, not workbooks whose compressed bytes match a pattern by chance', () => {
    const bytes = 'PK\u0003\u0004 …C:\\x… /usr/ …';
    expect(judge(op, c, 200, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBeNull();
    expect(judge(op, c, 200, bytes, 'application/json; charset=utf-8')?.problem).toMatch(/internals/);
  });
});

describe('OpenAPI-driven fuzzing (quick: 250 seeded requests as the system admin)', () => {
  it('never answers 5xx nor shows internals, and a rejected request stores nothing', async () => {
    const targets = fuzzTargets(world.ops);
    expect(targets.length).toBeGreaterThan(100);
    const r = await runFuzz(targets, world.rows, world.callers.admin, { seed: 20261207, total: 250, counts: () => rowCounts(h.t.pool) });
    expect(r.requests).toBe(250);
    expect(r.findings).toEqual([]);
    expect(r.countsCompared).toBeGreaterThan(40);
    expect(r.statuses.get(400) ?? 0).toBeGreaterThan(80);
  }, 120_000);
});

describe('the demo street’s box (seed/open311.ts), checked here on the seeded demo', () => {
  it('holds every demo Open311 order, and the demo key is refused a point outside it but not one inside', async () => {
    const { rows } = await h.t.pool.query<{ inside: boolean; n: number }>(
      `SELECT (o.lat::float BETWEEN b.south AND b.north AND o.long::float BETWEEN b.west AND b.east) AS inside, count(*)::int AS n
       FROM orders o JOIN area_bounds b ON b.area_id = o.street_id WHERE o.channel = 'open311' AND o.lat IS NOT NULL GROUP BY 1`,
    );
    expect(rows).toEqual([{ inside: true, n: expect.any(Number) }]);
    expect(rows[0]!.n).toBeGreaterThan(0);
    const body = (lat: string) =>
      new URLSearchParams({ api_key: 'linli-demo-open311-key', service_code: world.rows.serviceCode.lvyang!, lat, long: '119.40' });
    const send = (lat: string) =>
      h.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: body(lat).toString(),
      });
    const outside = await send('32.50');
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('lies outside the area of 竹西街道');
    expect((await send('32.41')).statusCode).toBe(200);
  });
});
