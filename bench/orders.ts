import autocannon from 'autocannon';
import os from 'node:os';
import type { Role } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { roleAssignments, users } from '../apps/server/src/db/schema/index.js';
import { runDeadlinePass } from '../apps/server/src/jobs/deadline-pass.js';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.js';
import { ORDER_PROFILES } from '../apps/server/src/seed/orders-profiles.js';
import { type BenchDb, openBenchCluster } from './bench-db.js';
import { createBenchUser, loadAverage, signIn, startBenchServer, timeRequests } from './bench-client.js';
import { COMMUNITY_SCALE, districtScale } from './dataset.js';
import { generateOrders } from './orders-dataset.js';
import { BENCH_SEED } from './registry.js';
import { BENCH_PASSWORD, freePort, startProcess } from './server-process.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const ORDERS = Math.round(1_000_000 * Number(process.env.BENCH_SCALE ?? 1));
const log = (m: string) => console.log(m);

const one = async <T>(db: BenchDb, text: string, params: unknown[] = []) => (await db.pool.query(text, params)).rows[0] as T;

/** Orders exist once per kept dataset: generate them only into a database that has none. */
async function ensureOrders(db: BenchDb, count: number): Promise<void> {
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

async function load(name: string, opts: autocannon.Options) {
  const r = await autocannon({ connections: 50, duration: 10, ...opts });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.errors + r.non2xx };
}

/** Order creation at 50 connections beside a bare Fastify route doing one INSERT, in the same run. */
async function benchCreate(db: BenchDb): Promise<void> {
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
  const bare = await startProcess(
    'bench/bare-insert-server.ts',
    { PORT: String(await freePort()), DATABASE_URL: db.url },
    'bare insert ready',
  );
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
    const baseline = await load('bare Fastify route, one INSERT', varied(`${bare.url}/bare-insert`, json));
    const create = await load('POST /api/orders (desk intake)', varied(`${server.url}/api/orders`, { ...session.headers, ...json }));
    console.log(`\norder creation: 50 connections, 10 s each; ${os.cpus().length} cores; load average ${loadAverage()}`);
    console.log('| endpoint | orders/s | p50 ms | p99 ms | errors + non-2xx | vs bare INSERT |');
    console.log('|---|---|---|---|---|---|');
    for (const r of [baseline, create])
      console.log(`| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.bad} | ${((r.rps / baseline.rps) * 100).toFixed(1)} % |`);
  } finally {
    await bare.stop();
    await server.stop();
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
    if (only !== 'reads') await benchCreate(await cluster.dataset('community', COMMUNITY_SCALE, BENCH_SEED));
    if (only !== 'create') await benchReads(await cluster.dataset('district', districtScale(), BENCH_SEED));
  } finally {
    await cluster.close();
  }
}
