import autocannon from 'autocannon';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.js';
import { type BenchDb, openBenchCluster } from './bench-db.js';
import { type Session, createBenchUser, loadAverage, percentile, signIn, startBenchServer } from './bench-client.js';
import { DISTRICT_SCALE, districtScale } from './dataset.js';
import { ensurePartyData } from './party-dataset.js';
import { BENCH_SEED } from './registry.js';
import { BENCH_PASSWORD, freePort, startProcess } from './server-process.js';
import { type Figure, reportFigures } from './report.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
/** sign-ups per side: every one by a different resident, so the run needs this many signed-in residents */
const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 3_000);
const CAPACITY = 200;
const log = (m: string) => console.log(m);

type Result = { rps: number; p50: number; p95: number; n: number; bad: number };
const one = async <T>(db: BenchDb, text: string, params: unknown[] = []) => (await db.pool.query(text, params)).rows[0] as T;

/** 50 connections on `opts`; p50/p95 from every response's own latency (autocannon's summary has no p95). */
async function load(opts: autocannon.Options): Promise<Result> {
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: 50, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on('response', (_c, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  return { rps: r.requests.average, p50: percentile(times, 50), p95: percentile(times, 95), n: times.length, bad: r.errors + r.non2xx };
}

/** Cycles through `paths` on one session. */
const reads = (base: string, paths: readonly string[], s: Session): autocannon.Options => {
  let i = 0;
  return {
    url: base,
    duration: DURATION,
    headers: s.headers,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  };
};

/** `count` sign-ups to `path`, each by the next signed-in resident. */
const signUps = (base: string, path: string, cookies: readonly string[]): autocannon.Options => {
  let i = 0;
  return {
    url: base,
    amount: cookies.length,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: cookies[i++ % cookies.length]!, 'x-csrf-token': 'bench' } }),
      },
    ],
  };
};

/** Resident accounts for `n` adults of the community and a fresh session each: their cookies. */
async function residentSessions(db: BenchDb, communityId: string, n: number, passwordHash: string): Promise<string[]> {
  await db.pool.query(
    `INSERT INTO users (username, display_name, password_hash, resident_id)
     SELECT 'bench-r-' || r.id, r.name, $3, r.id FROM residents r
     WHERE r.community_id = $1 AND r.birth_date < now() - interval '16 years' AND r.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM users u WHERE u.resident_id = r.id)
     ORDER BY md5(r.id::text) LIMIT greatest(0, $2 - (SELECT count(*) FROM users u JOIN residents r2 ON r2.id = u.resident_id WHERE r2.community_id = $1))`,
    [communityId, n, passwordHash],
  );
  await db.pool.query(
    `INSERT INTO role_assignments (user_id, role, area_id)
     SELECT u.id, 'resident', r.building_id FROM users u JOIN residents r ON r.id = u.resident_id
     WHERE u.username LIKE 'bench-r-%' AND NOT EXISTS (SELECT 1 FROM role_assignments a WHERE a.user_id = u.id)`,
  );
  const { rows } = await db.pool.query<{ id: string }>(
    `SELECT u.id FROM users u JOIN residents r ON r.id = u.resident_id WHERE r.community_id = $1 ORDER BY u.id LIMIT $2`,
    [communityId, n],
  );
  const tokens = rows.map(() => randomBytes(24).toString('base64url'));
  await db.pool.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
     SELECT h, u, 'bench', now() + interval '12 hours' FROM unnest($1::text[], $2::uuid[]) AS t(h, u)`,
    [tokens.map((t) => createHash('sha256').update(t).digest('base64url')), rows.map((r) => r.id)],
  );
  return tokens.map((t) => `linli_sid=${t}`);
}

/** An open activity for everyone in the community, with `CAPACITY` places: the rest of the sign-ups wait. */
const openActivity = async (db: BenchDb, c: { id: string; street_id: string; district_id: string }, title: string) =>
  (
    await one<{ id: string }>(
      db,
      `INSERT INTO activities (kind, title, organiser, place, starts_at, ends_at, capacity, checkin_code, status, community_id, street_id, district_id)
       VALUES ('volunteer_service', $1, '社区党委', '党群服务中心', now() + interval '7 days', now() + interval '7 days 2 hours', $2, '424242', 'open', $3, $4, $5)
       RETURNING id`,
      [title, CAPACITY, c.id, c.street_id, c.district_id],
    )
  ).id;

/**
 * `npm run bench -- party`: the party tree of a community as its street supervisor, a branch's member list as
 * community staff, and activity sign-ups by many residents, at 50 connections on the district dataset with
 * party members, volunteers and a year of activities; each beside the same SQL through `pg` on a bare Fastify.
 */
export async function benchParty(): Promise<void> {
  const cluster = await openBenchCluster(log);
  const size = districtScale();
  const db = await cluster.dataset('district', size, BENCH_SEED);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const counts = await ensurePartyData(db, size.residents / DISTRICT_SCALE.residents, passwordHash, log);
  // the community with the most party members, and its five biggest branches
  const c = await one<{ id: string; name: string; street_id: string; district_id: string }>(
    db,
    `SELECT a.id, a.name, a.street_id, a.district_id FROM area_nodes a WHERE a.kind = 'community'
     ORDER BY (SELECT count(*) FROM party_members m WHERE m.community_id = a.id) DESC, a.code LIMIT 1`,
  );
  const branches = (
    await db.pool.query<{ id: string }>(
      `SELECT o.id FROM party_orgs o WHERE o.community_id = $1 AND o.kind = 'branch'
       ORDER BY (SELECT count(*) FROM party_members m WHERE m.org_id = o.id) DESC, o.name LIMIT 5`,
      [c.id],
    )
  ).rows.map((r) => r.id);
  const memberPaths = (prefix: string) => branches.flatMap((id) => [1, 2, 3].map((p) => `${prefix}?orgId=${id}&page=${p}&pageSize=20`));
  const street = await createBenchUser(db.db, 'bench-party-street', 'street_supervisor', c.street_id);
  const staff = await createBenchUser(db.db, 'bench-party-staff', 'community_staff', c.id);
  const cookies = await residentSessions(db, c.id, SIGNUPS, passwordHash);
  const server = await startBenchServer(db.url);
  const bare = await startProcess('bench/party-bare.ts', { PORT: String(await freePort()), DATABASE_URL: db.url }, 'bare party ready');
  try {
    const [st, sf] = await Promise.all([signIn(server.url, street), signIn(server.url, staff)]);
    const [rawActivity, appActivity] = [await openActivity(db, c, 'bench raw'), await openActivity(db, c, 'bench app')];
    const loadBefore = loadAverage();
    const cells: { name: string; app: () => Promise<Result>; raw: () => Promise<Result> }[] = [
      {
        name: 'party tree of a community (street supervisor)',
        raw: () => load(reads(bare.url, [`/bare/party/tree?communityId=${c.id}`], st)),
        app: () => load(reads(server.url, [`/api/party/tree?communityId=${c.id}`], st)),
      },
      {
        name: `a branch's member list, pages 1–3 of ${branches.length} branches (community staff)`,
        raw: () => load(reads(bare.url, memberPaths('/bare/party/members'), sf)),
        app: () => load(reads(server.url, memberPaths('/api/party/members'), sf)),
      },
      {
        name: `activity sign-up, ${cookies.length.toLocaleString('en-US')} residents each once, ${CAPACITY} places`,
        raw: () => load(signUps(bare.url, `/bare/activities/${rawActivity}/sign-up`, cookies)),
        app: () => load(signUps(server.url, `/api/activities/${appActivity}/sign-up`, cookies)),
      },
    ];
    const rows: string[] = [];
    const figures: Figure[] = [];
    for (const cell of cells) {
      const raw = await cell.raw();
      const app = await cell.app();
      log(
        `  ${cell.name}: app ${Math.round(app.rps)}/s p95 ${app.p95.toFixed(0)} ms ${app.bad} bad, raw ${Math.round(raw.rps)}/s p95 ${raw.p95.toFixed(0)} ms ${raw.bad} bad (load ${loadAverage()})`,
      );
      figures.push({ name: cell.name, unit: 'req/s', measured: Math.round(app.rps), floor: Math.round(raw.rps), better: 'higher' });
      const f = (r: Result) => `${Math.round(r.rps)} | ${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} | ${r.bad}`;
      rows.push(
        `| ${cell.name} | ${f(app)} | ${f(raw)} | ${(app.p50 / raw.p50).toFixed(1)}× / ${(app.p95 / raw.p95).toFixed(1)}× | ${((app.rps / raw.rps) * 100).toFixed(0)} % |`,
      );
    }
    const waits = await one<{ c: number; w: number }>(
      db,
      `SELECT count(*) FILTER (WHERE s.status = 'confirmed')::int AS c, count(*) FILTER (WHERE s.status = 'waitlisted')::int AS w
       FROM activity_signups s WHERE s.activity_id = $1`,
      [appActivity],
    );
    console.log(
      `\nparty and volunteers: ${size.residents.toLocaleString('en-US')} residents, ${counts.members.toLocaleString('en-US')} party members, ` +
        `${counts.volunteers.toLocaleString('en-US')} volunteers, ${counts.activities.toLocaleString('en-US')} held activities, ` +
        `${counts.signups.toLocaleString('en-US')} past sign-ups; community ${c.name}; 50 connections, reads ${DURATION} s each; ` +
        `${os.cpus().length} cores; load average before ${loadBefore}, after ${loadAverage()}; app sign-ups: ${waits.c} confirmed, ${waits.w} waitlisted`,
    );
    console.log(
      '| endpoint | Linli req/s | Linli p50 / p95 ms | errors + non-2xx | raw SQL req/s | raw p50 / p95 ms | errors + non-2xx | Linli ÷ raw (p50 / p95) | Linli throughput vs raw |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(r);
    reportFigures('party', figures, 'throughput at 50 connections; floor: the same statements prepared through pg (bench/party-bare.ts)');
  } finally {
    await bare.stop();
    await server.stop();
    await cluster.close();
  }
}
