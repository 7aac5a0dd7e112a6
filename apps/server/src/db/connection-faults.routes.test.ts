import { ErrorBody } from '@linli/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { startJobRunner } from '../jobs/runner.js';
import { type Agent, TEST_PASSWORD, buildCommunityTree, buildUser, signIn, testPii, useTestApp } from '../testing/index.js';
import { openDatabase } from './pool.js';

const lines: string[] = [];
const ctx = useTestApp({ logger: { level: 'info', stream: { write: (l) => void lines.push(l) } } });
let admin: pg.Client;
let agent: Agent;

/** Terminates the app's backends in this test database; `where` narrows them (SQL over pg_stat_activity). */
async function terminate(where = 'true'): Promise<number> {
  const r = await admin.query(
    `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'linli' AND pid <> pg_backend_pid() AND ${where}`,
  );
  return r.rows[0].n as number;
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function expectUnavailable(res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) {
  expect(res.statusCode).toBe(503);
  expect(res.headers['retry-after']).toBe('5');
  expect(ErrorBody.parse(res.json()).error.code).toBe('UNAVAILABLE');
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: ctx.t.url });
  await admin.connect();
  const tree = await buildCommunityTree(ctx.t.db);
  const user = await buildUser(ctx.t.db, 'community_staff', { areaId: tree.community.id });
  agent = await signIn(ctx.app, user.username, TEST_PASSWORD);
});

afterAll(async () => {
  await admin?.end();
});

describe('database connection faults', () => {
  it('survives the backend of a checked-out client being terminated between queries', async () => {
    // a request inside a transaction, between two queries: no query to fail, so the client itself emits 'error'
    const client = await ctx.t.pool.connect();
    await client.query('BEGIN');
    const raw = client as unknown as { processID: number; _queryable: boolean };
    expect(client.listenerCount('error')).toBeGreaterThan(0);
    expect(await terminate(`pid = ${raw.processID}`)).toBe(1);
    // had openDatabase not given every client a listener, that 'error' would be an uncaught exception, failing the run
    await waitFor(async () => !raw._queryable, 'the client to notice');
    client.release(true);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('answers 503 with Retry-After for a request whose connection is lost, then serves normally', async () => {
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE');
    const pending = agent.get('/api/me');
    await waitFor(() => terminate(`wait_event_type = 'Lock'`), 'the request blocked on the lock');
    await admin.query('ROLLBACK');
    expectUnavailable(await pending);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
  });

  it('keeps serving while backends are terminated under load: only 200s and 503s, then 200s', async () => {
    let stop = false;
    const killer = (async () => {
      let killed = 0;
      while (!stop) {
        killed += await terminate();
        await new Promise((r) => setTimeout(r, 5));
      }
      return killed;
    })();
    const answers = await Promise.all(Array.from({ length: 150 }, (_, i) => agent.get(i % 2 ? '/api/me' : '/api/health')));
    stop = true;
    expect(await killer).toBeGreaterThan(0);
    const statuses = new Set(answers.map((a) => a.statusCode));
    expect(
      [...statuses].every((s) => s === 200 || s === 503),
      [...statuses].join(),
    ).toBe(true);
    expect(statuses.has(503)).toBe(true);
    // a 503 from /api/health itself (its probe lost the connection) is its own shape; every other one is UNAVAILABLE
    for (const a of answers.filter((x) => x.statusCode === 503)) if (!('database' in (a.json() as object))) expectUnavailable(a);
    const after = await Promise.all(Array.from({ length: 10 }, () => agent.get('/api/me')));
    expect(after.map((a) => a.statusCode)).toEqual(Array(10).fill(200));
  });

  it('logs the lost connection without the URL, its query string or the client address', () => {
    const log = lines.join('');
    expect(log).toContain('"route":"/api/me"');
    expect(log).toContain('"status":503');
    expect(log).toContain('database unavailable');
    expect(log).not.toContain('127.0.0.1');
    expect(log).not.toContain('Failed query');
  });
});

describe('/api/health', () => {
  it('names failing jobs (200, degraded) and shows them resuming soon after a failed pass', async () => {
    let calls = 0;
    const runner = startJobRunner(ctx.t.db, [
      {
        name: 'h7-flaky',
        everyMs: 60_000,
        pass: async () => {
          calls++;
          if (calls === 1) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
          return { ok: true };
        },
      },
    ]);
    try {
      await waitFor(async () => calls >= 1, 'the first pass');
      const down = await ctx.app.inject({ method: 'GET', url: '/api/health' });
      expect(down.statusCode).toBe(200);
      expect(down.json()).toMatchObject({ status: 'degraded', database: 'up', jobs: 'down', problems: ['jobs: failing: h7-flaky'] });
      // retried after a second, not after its 60 s interval
      await waitFor(async () => calls >= 2, 'the retry', 5000);
      await waitFor(async () => (await ctx.app.inject({ method: 'GET', url: '/api/health' })).json<{ jobs: string }>().jobs === 'up', 'up');
      const metrics = await ctx.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toContain('linli_part_up{part="jobs"} 1');
    } finally {
      await runner.stop();
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok', jobs: 'off' });
  });
});

describe('an unreachable database', () => {
  const dead = openDatabase('postgres://linli:x@127.0.0.1:1/linli', { max: 2, connectionTimeoutMillis: 1000 });
  const deadLines: string[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    app = await buildApp({ database: dead, pii: testPii, logger: { level: 'info', stream: { write: (l) => void deadLines.push(l) } } });
  });
  afterAll(async () => {
    await app?.close();
    await dead.pool.end();
  });

  it('answers 503 with Retry-After to sign-in and signed-in requests, and health says the database is down', async () => {
    expectUnavailable(
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'someone', password: 'a-password-123' } }),
    );
    expectUnavailable(await app.inject({ method: 'GET', url: '/api/residents?q=13812345678', cookies: { linli_sid: 'x'.repeat(43) } }));
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'degraded', database: 'down', problems: ['database: not answering'] });
    const log = deadLines.join('');
    expect(log).toContain('"route":"/api/residents"');
    expect(log).not.toContain('13812345678');
    expect(log).not.toContain('someone');
  });
});
