import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import type { Role } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { roleAssignments, users } from '../apps/server/src/db/schema/index.js';
import { runDeadlinePass } from '../apps/server/src/jobs/deadline-pass.js';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.js';
import { ORDER_PROFILES } from '../apps/server/src/seed/orders-profiles.js';
import { BENCH_SECRET, type BenchDb, openBenchCluster } from './bench-db.js';
import { createBenchUser, loadAverage, signIn, startBenchServer, timeRequests } from './bench-client.js';
import { COMMUNITY_SCALE, districtScale } from './dataset.js';
import { generateOrders } from './orders-dataset.js';
import { BENCH_SEED } from './registry.js';
import { type Figure, reportFigures } from './report.js';
import { BENCH_PASSWORD, freePort, startProcess } from './server-process.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const ORDERS = Math.round(1_000_000 * Number(process.env.BENCH_SCALE ?? 1));
const log = (m: string) => console.log(m);

const one = async <T>(db: BenchDb, text: string, params: unknown[] = []) => (await db.pool.query(text, params)).rows[0] as T;

/** Orders exist once per kept dataset: generate them only into a database that has none. */
export async function ensureOrders(db: BenchDb, count: number): Promise<void> {
  const { c } = await one<{ c: number }>(db, 'SELECT count(*)::int AS c FROM orders');
  if (c === 0) await generateOrders(db, { count, now: new Date(), log });
  else log(`${db.name}: reusing ${c.toLocaleString('en-US')} orders`);
}

async function orgUser(db: BenchDb, username: string, orgId: string): Promise<string> {
  await db.db.execute(sql`DELETE FROM ${users} WHERE ${users.username} = ${username}`);
  const [u] = await db.db
    .insert(users)
    .values({ username, displayName: username, passwordHash: await hashPassword(BENCH_PASSWORD) })
    .returning({ id: users.id });
  await db.db.insert(roleAssignments).values({ userId: u!.id, role: 'handler_staff' as Role, orgId });
  return username;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(name: string, opts: autocannon.Options, pid: number) {
  const cpu = cpuMsOf(pid);
  const r = await autocannon({ connections: 50, duration: 10, ...opts });
  const cpuMs = cpuMsOf(pid) - cpu;
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bad: r.errors + r.non2xx,
    total: r.requests.total,
    cpuMs,
  };
}
type Load = Awaited<ReturnType<typeof load>>;

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * Loads each target in turn, `ROUNDS` times for 10 s / ROUNDS each, so a machine whose load drifts weighs on all of
 * them alike; answers the mean rate and p50, the worst p99, all errors and the serving process's CPU ms per answer.
 */
async function interleaved(targets: [string, autocannon.Options, number][]) {
  const runs: Load[][] = targets.map(() => []);
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, [name, opts, pid]] of targets.entries()) runs[i]!.push(await load(name, { duration: 10 / ROUNDS, ...opts }, pid));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return runs.map((r) => ({
    name: r[0]!.name,
    rps: mean(r.map((x) => x.rps)),
    p50: Math.round(mean(r.map((x) => x.p50))),
    p99: Math.max(...r.map((x) => x.p99)),
    bad: r.reduce((a, x) => a + x.bad, 0),
    cpuPerOrder:
      r.reduce((a, x) => a + x.cpuMs, 0) /
      Math.max(
        1,
        r.reduce((a, x) => a + x.total, 0),
      ),
  }));
}

/**
 * Order creation at 50 connections against two floors in the same run, each in its own process: the same desk
 * intake written by hand (orders-bare-tx.ts: the same statements through `pg`, prepared) and one bare INSERT.
 */
async function benchCreate(db: BenchDb): Promise<Figure[]> {
  await ensureOrders(db, 20_000);
  if (process.env.BENCH_EXPERIMENT) await db.pool.query(process.env.BENCH_EXPERIMENT);
  const community = await one<{ id: string; street_id: string }>(
    db,
    `SELECT id, street_id FROM area_nodes WHERE kind = 'community' ORDER BY code LIMIT 1`,
  );
  const service = await one<{ id: string }>(db, `SELECT id FROM services WHERE street_id = $1 AND NOT emergency ORDER BY code LIMIT 1`, [
    community.street_id,
  ]);
  const desk = await createBenchUser(db.db, 'bench-desk', 'community_staff', community.id);
  const server = await startBenchServer(db.url);
  const floorEnv = (): Promise<Record<string, string>> =>
    freePort().then((port) => ({ PORT: String(port), DATABASE_URL: db.url, LINLI_SECRET_KEY: BENCH_SECRET }));
  // node itself (not the tsx wrapper) so that the pid's CPU time is the floor's
  const asNode = { bin: process.execPath, args: ['--import', 'tsx'] };
  const bare = await startProcess('bench/bare-insert-server.ts', await floorEnv(), 'bare insert ready', undefined, asNode);
  const handTx = await startProcess('bench/orders-bare-tx.ts', await floorEnv(), 'bare transaction ready', undefined, asNode);
  try {
    const session = await signIn(server.url, desk);
    // the demo's real complaint texts, so the description's trigram index sees realistic variety
    const texts = Object.values(ORDER_PROFILES).flatMap((p) => p.texts);
    let n = 0;
    const nextBody = () =>
      JSON.stringify({
        serviceId: service.id,
        description: `${texts[n++ % texts.length]}（${n}）`,
        intake: { channel: 'desk', via: 'phone', contactName: '王阿姨', contactPhone: '13800001234', address: '3幢2单元' },
      });
    const json = { 'content-type': 'application/json' };
    const varied = (url: string, headers: Record<string, string>): autocannon.Options => ({
      url,
      headers,
      requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: nextBody() }) }],
    });
    const signed = { ...session.headers, ...json };
    // a bench must not time error pages: the floor and the API each place one order first
    for (const url of [`${handTx.url}/orders`, `${server.url}/api/orders`]) {
      const res = await fetch(url, { method: 'POST', headers: signed, body: nextBody() });
      if (res.status !== 201) throw new Error(`POST ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    }
    const [baseline, floor, create] = await interleaved([
      ['bare Fastify route, one INSERT', varied(`${bare.url}/bare-insert`, json), bare.child.pid!],
      ['hand-written desk intake (pg, prepared, 3 round trips)', varied(`${handTx.url}/orders`, signed), handTx.child.pid!],
      ['POST /api/orders (desk intake)', varied(`${server.url}/api/orders`, signed), server.pid],
    ]);
    if (!baseline || !floor || !create) throw new Error('a load run is missing');
    console.log(
      `\norder creation: 50 connections, 10 s each in ${ROUNDS} interleaved rounds; ${os.cpus().length} cores; load average ${loadAverage()}`,
    );
    console.log('| endpoint | orders/s | p50 ms | p99 ms | errors + non-2xx | vs bare INSERT | process CPU ms per order |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of [baseline, floor, create])
      console.log(
        `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.bad} | ${((r.rps / baseline.rps) * 100).toFixed(1)} % | ${r.cpuPerOrder.toFixed(2)} |`,
      );
    const figure = (name: string, measured: number, by: number, aim?: Figure['aim']): Figure => ({
      name,
      unit: 'orders/s',
      measured,
      floor: by,
      better: 'higher',
      ...(aim ? { aim } : {}),
    });
    return [
      figure('POST /api/orders (desk intake) vs the same work by hand', create.rps, floor.rps, { ratio: 0.5 }),
      figure('POST /api/orders (desk intake) vs one bare INSERT', create.rps, baseline.rps),
      figure('hand-written desk intake vs one bare INSERT', floor.rps, baseline.rps),
      // CPU per order of the serving process only (PostgreSQL's is not in it): steadier than rates on a busy machine
      { name: 'Node CPU per order: API vs by hand', unit: 'ms', measured: create.cpuPerOrder, floor: floor.cpuPerOrder, better: 'lower' },
    ];
  } finally {
    await Promise.all([bare.stop(), handTx.stop(), server.stop()]);
  }
}

/** Queue, workbench and figures p50/p95 over the district dataset with a million orders; one deadline pass. */
async function benchReads(db: BenchDb): Promise<void> {
  await ensureOrders(db, ORDERS);
  const community = await one<{ id: string; name: string }>(
    db,
    `SELECT c.id, c.name FROM area_nodes c WHERE c.kind = 'community' ORDER BY (SELECT count(*) FROM orders o WHERE o.community_id = c.id) DESC LIMIT 1`,
  );
  const district = await one<{ id: string }>(db, `SELECT id FROM area_nodes WHERE kind = 'district' LIMIT 1`);
  const org = await one<{ id: string }>(
    db,
    `SELECT handler_org_id AS id FROM orders WHERE community_id = $1 AND handler_org_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    [community.id],
  );
  const deskUser = await createBenchUser(db.db, 'bench-community-desk', 'community_staff', community.id);
  const adminUser = await createBenchUser(db.db, 'bench-district-admin', 'system_admin', district.id);
  const handler = await orgUser(db, 'bench-handler', org.id);
  const server = await startBenchServer(db.url);
  try {
    const [desk, admin, hand] = await Promise.all([
      signIn(server.url, deskUser),
      signIn(server.url, adminUser),
      signIn(server.url, handler),
    ]);
    const pages = (base: string) => Array.from({ length: 5 }, (_, i) => `${base}&page=${i + 1}&pageSize=20`);
    const cells = [
      {
        name: 'supermarket queue (desk), pages 1–5',
        community: [desk, pages('/api/orders?view=desk')],
        district: [admin, pages('/api/orders?view=desk')],
      },
      { name: 'all orders, pages 1–5', community: [desk, pages('/api/orders?view=all')], district: [admin, pages('/api/orders?view=all')] },
      { name: 'handler workbench, pages 1–5', community: [hand, pages('/api/orders?view=workbench')], district: null },
      {
        name: 'figures by service (12 months)',
        community: [desk, ['/api/figures?groupBy=service']],
        district: [admin, ['/api/figures?groupBy=service']],
      },
      {
        name: 'figures by community (12 months)',
        community: [desk, ['/api/figures?groupBy=community']],
        district: [admin, ['/api/figures?groupBy=community']],
      },
    ] as const;
    console.log(
      `\norders at district scale (${ORDERS.toLocaleString('en-US')} orders; busiest community ${community.name}): ${REQUESTS} sequential requests, p50 / p95 ms`,
    );
    console.log('| endpoint | one community | whole district |');
    console.log('|---|---|---|');
    for (const c of cells) {
      const run = async (cell: readonly [Awaited<ReturnType<typeof signIn>>, readonly string[]] | null) => {
        if (!cell) return '–';
        const t = await timeRequests(cell[0], cell[1], REQUESTS, 10);
        return `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}`;
      };
      console.log(`| ${c.name} | ${await run(c.community)} | ${await run(c.district)} | (load ${loadAverage()})`);
    }
  } finally {
    await server.stop();
  }
  const now = new Date(Date.now() + 3600_000);
  const started = performance.now();
  const result = await runDeadlinePass(db.db, now);
  console.log(
    `deadline pass over ${ORDERS.toLocaleString('en-US')} orders, one hour ahead: ${((performance.now() - started) / 1000).toFixed(2)} s, ${JSON.stringify(result)}`,
  );
  const again = performance.now();
  const second = await runDeadlinePass(db.db, now);
  console.log(
    `second pass at the same time (nothing new to do): ${((performance.now() - again) / 1000).toFixed(2)} s, ${JSON.stringify(second)}`,
  );
}

/** `npm run bench -- orders`: order creation throughput, then queue/workbench/figures and the deadline job at district scale. */
export async function benchOrders(): Promise<void> {
  const cluster = await openBenchCluster(log);
  try {
    const only = process.env.BENCH_ONLY;
    const figures: Figure[] = [];
    if (only !== 'reads') figures.push(...(await benchCreate(await cluster.dataset('community', COMMUNITY_SCALE, BENCH_SEED))));
    if (only !== 'create') await benchReads(await cluster.dataset('district', districtScale(), BENCH_SEED));
    reportFigures('orders', figures);
  } finally {
    await cluster.close();
  }
}
