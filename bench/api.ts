import { verify } from '@node-rs/argon2';
import autocannon from 'autocannon';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.js';
import { type BenchDb, openBenchCluster } from './bench-db.js';
import { createBenchUser, loadAverage, signIn, startBenchServer } from './bench-client.js';
import { COMMUNITY_SCALE } from './dataset.js';
import { generateOrders } from './orders-dataset.js';
import { BENCH_SEED } from './registry.js';
import { type Figure, reportFigures } from './report.js';
import { BENCH_PASSWORD, freePort, startProcess } from './server-process.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
/** sign-in accounts, used round-robin: far more than connections, so no two attempts on one account overlap */
const LOGIN_USERS = 250;
const log = (m: string) => console.log(m);

type Load = { rps: number; p50: number; p99: number; bad: number };

/** Rounds of floor and app in turn, each DURATION / ROUNDS s, so a swing of the machine's load hits both alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function load(opts: autocannon.Options, duration = DURATION): Promise<Load> {
  const r = await autocannon({ connections: CONNECTIONS, duration, ...opts });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.errors + r.non2xx + r.timeouts };
}

/** `floor` and `app` loaded in alternating rounds: the mean rate and the worst percentiles of each. */
async function alternate(
  floor: autocannon.Options | ((seconds: number) => Promise<Load>),
  app: autocannon.Options,
): Promise<{ floor: Load; app: Load }> {
  const runs: { floor: Load; app: Load }[] = [];
  const seconds = DURATION / ROUNDS;
  for (let i = 0; i < ROUNDS; i++)
    runs.push({ floor: typeof floor === 'function' ? await floor(seconds) : await load(floor, seconds), app: await load(app, seconds) });
  const merge = (ls: Load[]): Load => ({
    rps: ls.reduce((a, l) => a + l.rps, 0) / ls.length,
    p50: Math.max(...ls.map((l) => l.p50)),
    p99: Math.max(...ls.map((l) => l.p99)),
    bad: ls.reduce((a, l) => a + l.bad, 0),
  });
  return { floor: merge(runs.map((r) => r.floor)), app: merge(runs.map((r) => r.app)) };
}

const one = async <T>(db: BenchDb, text: string, params: unknown[] = []) => (await db.pool.query(text, params)).rows[0] as T;

/** `LOGIN_USERS` community staff accounts sharing one password hash; their usernames. */
async function loginUsers(db: BenchDb, communityId: string): Promise<string[]> {
  const names = Array.from({ length: LOGIN_USERS }, (_, i) => `bench-login-${i}`);
  await db.pool.query(`DELETE FROM users WHERE username LIKE 'bench-login-%'`);
  await db.pool.query(
    `WITH u AS (INSERT INTO users (username, display_name, password_hash) SELECT n, n, $2 FROM unnest($1::text[]) AS n RETURNING id)
     INSERT INTO role_assignments (user_id, role, area_id) SELECT id, 'community_staff', $3 FROM u`,
    [names, await hashPassword(BENCH_PASSWORD), communityId],
  );
  return names;
}

/** How many argon2id verifications of the sign-in hash the cores do per second, `parallel` at a time, nothing else running. */
async function verifyRate(hash: string, parallel: number, seconds: number): Promise<Load> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < until) {
      if (!(await verify(hash, BENCH_PASSWORD))) throw new Error('bench hash does not verify');
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: parallel }, worker));
  return { rps: done / ((performance.now() - started) / 1000), p50: 0, p99: 0, bad: 0 };
}

const figure = (name: string, app: Load, floor: Load, aim: number): Figure => ({
  name: `${name} (p50 ${app.p50} ms, p99 ${app.p99} ms, errors + timeouts + non-2xx: ${app.bad} app, ${floor.bad} floor)`,
  unit: 'req/s',
  measured: app.rps,
  floor: floor.rps,
  better: 'higher',
  aim: { ratio: aim },
});

/**
 * `npm run bench -- api [--json]`: `GET /api/me`, the household list a community worker opens first and one order
 * page, each at 50 connections beside the same SQL by hand (bench/api-floor.ts), and `POST /api/auth/login` beside
 * the rate at which argon2id verifies the same hash alone on the same cores; on one community with 20,000 orders.
 */
export async function benchApi(): Promise<void> {
  const cluster = await openBenchCluster(log);
  try {
    const db = await cluster.dataset('api', COMMUNITY_SCALE, BENCH_SEED);
    if ((await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM orders')).n === 0)
      await generateOrders(db, { count: 20_000, now: new Date(), log });
    const c = await one<{ id: string }>(db, `SELECT id FROM area_nodes WHERE kind = 'community' ORDER BY code LIMIT 1`);
    const order = await one<{ id: string }>(
      db,
      `SELECT id FROM orders WHERE community_id = $1 AND handler_org_id IS NOT NULL ORDER BY placed_at DESC LIMIT 1`,
      [c.id],
    );
    const staff = await createBenchUser(db.db, 'bench-api-staff', 'community_staff', c.id);
    const logins = await loginUsers(db, c.id);
    const server = await startBenchServer(db.url);
    const floor = await startProcess('bench/api-floor.ts', { PORT: String(await freePort()), DATABASE_URL: db.url }, 'api floor ready');
    try {
      const s = await signIn(server.url, staff);
      const get = (base: string, path: string): autocannon.Options => ({ url: `${base}${path}`, headers: s.headers });
      const reads = [
        { name: '`GET /api/me`', app: '/api/me', floor: '/floor/me' },
        { name: '`GET /api/households?page=1`', app: '/api/households?page=1', floor: `/floor/households?communityId=${c.id}` },
        { name: '`GET /api/orders/:id`', app: `/api/orders/${order.id}`, floor: `/floor/orders/${order.id}` },
      ];
      const figures: Figure[] = [];
      for (const r of reads) {
        const { floor: f, app: a } = await alternate(get(floor.url, r.floor), get(server.url, r.app));
        log(`  ${r.name}: app ${Math.round(a.rps)}/s, floor ${Math.round(f.rps)}/s (load ${loadAverage()})`);
        figures.push(figure(r.name, a, f, 0.5));
      }
      const hash = await one<{ h: string }>(db, `SELECT password_hash AS h FROM users WHERE username = $1`, [logins[0]]);
      let i = 0;
      const { floor: argon2, app: signIns } = await alternate((seconds) => verifyRate(hash.h, 8, seconds), {
        url: server.url,
        requests: [
          {
            method: 'POST',
            path: '/api/auth/login',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: JSON.stringify({ username: logins[i++ % logins.length], password: BENCH_PASSWORD }) }),
          },
        ],
      });
      log(`  sign-in: app ${Math.round(signIns.rps)}/s, argon2id verify alone ${Math.round(argon2.rps)}/s (load ${loadAverage()})`);
      figures.push(figure('`POST /api/auth/login` vs argon2id verify alone', signIns, argon2, 0.8));
      reportFigures('api', figures, `${CONNECTIONS} connections, ${DURATION} s each; one community, 20,000 orders`);
    } finally {
      await floor.stop();
      await server.stop();
    }
  } finally {
    await cluster.close();
  }
}
