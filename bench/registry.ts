import os from 'node:os';
import type { Role } from '@linli/contracts';
import { type BenchDb, openBenchCluster } from './bench-db.js';
import { createBenchUser, loadAverage, signIn, startBenchServer, timeRequests } from './bench-client.js';
import { COMMUNITY_SCALE, districtScale } from './dataset.js';

export const BENCH_SEED = 20_260_301;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = 20;
const SAMPLES = 25;

type Level = 'community' | 'street';
type Timing = { p50: number; p95: number };
type Endpoint = { name: string; urls: string[] };

/** Query values and ids drawn (deterministically) from the user's own scope, so every request finds something. */
async function endpointsFor(db: BenchDb, level: Level, areaId: string): Promise<Endpoint[]> {
  const col = `${level}_id`;
  const pick = async (select: string, from: string, where: string) =>
    (
      await db.pool.query<{ v: string }>(
        `SELECT ${select} AS v FROM ${from} WHERE ${col} = $1 AND ${where} ORDER BY md5(id::text) LIMIT ${SAMPLES}`,
        [areaId],
      )
    ).rows.map((r) => r.v);
  const names = await pick('name', 'residents', 'true');
  const initials = await pick('name_initials', 'residents', 'length(name_initials) = 3');
  const tails = await pick('phone_tail', 'residents', 'phone_tail IS NOT NULL');
  const buildings = await pick('id', 'area_nodes', `kind = 'building'`);
  const compounds = await pick('id', 'area_nodes', `kind = 'compound'`);
  const search = (values: string[]) => values.map((q) => `/api/residents?q=${encodeURIComponent(q)}&pageSize=20`);
  return [
    { name: 'resident search: full name', urls: search(names) },
    { name: 'resident search: pinyin initials (3 letters)', urls: search(initials) },
    { name: 'resident search: phone tail (4 digits)', urls: search(tails) },
    { name: "one building's map", urls: buildings.map((id) => `/api/map/buildings/${id}`) },
    { name: 'compound overview (site map)', urls: compounds.map((id) => `/api/map/areas/${id}`) },
    { name: 'household list, pages 1–10', urls: Array.from({ length: 10 }, (_, i) => `/api/households?page=${i + 1}&pageSize=20`) },
  ];
}

const firstArea = async (db: BenchDb, kind: string) =>
  (await db.pool.query<{ id: string; name: string }>(`SELECT id, name FROM area_nodes WHERE kind = $1 ORDER BY code LIMIT 1`, [kind]))
    .rows[0]!;

/** Runs the server on `db` and times every endpoint for each user (a role on the first area of its level). */
async function measure(db: BenchDb, users: { level: Level; role: Role }[]): Promise<Map<string, Timing>[]> {
  const areas = await Promise.all(users.map((u) => firstArea(db, u.level)));
  const names = await Promise.all(users.map((u, i) => createBenchUser(db.db, `bench-${u.level}`, u.role, areas[i]!.id)));
  const server = await startBenchServer(db.url);
  try {
    const out: Map<string, Timing>[] = [];
    for (const [i, u] of users.entries()) {
      const session = await signIn(server.url, names[i]!);
      const timings = new Map<string, Timing>();
      for (const e of await endpointsFor(db, u.level, areas[i]!.id)) {
        timings.set(e.name, await timeRequests(session, e.urls, REQUESTS, WARMUP));
        console.log(
          `  ${db.name} · ${u.level} user (${areas[i]!.name}) · ${e.name}: p50 ${timings.get(e.name)!.p50.toFixed(1)} ms (load ${loadAverage()})`,
        );
      }
      out.push(timings);
    }
    return out;
  } finally {
    await server.stop();
  }
}

const ms = (t: Timing | undefined) => (t ? `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}` : '–');
const ratio = (a: Timing | undefined, b: Timing | undefined) =>
  a && b ? `${(a.p50 / b.p50).toFixed(2)}× / ${(a.p95 / b.p95).toFixed(2)}×` : '–';

/**
 * Registry reads at community scale (one community of ~12,000 residents) and district scale (860,000), through
 * HTTP against the real app: p50/p95 of `REQUESTS` sequential requests each, for a community user on both, and a
 * street user on the district; the growth ratio is district ÷ community.
 */
export async function benchRegistry(): Promise<void> {
  const cluster = await openBenchCluster((m) => console.log(m));
  try {
    const community = await cluster.dataset('community', COMMUNITY_SCALE, BENCH_SEED);
    const district = await cluster.dataset('district', districtScale(), BENCH_SEED);
    const loadBefore = loadAverage();
    const [small] = await measure(community, [{ level: 'community', role: 'community_staff' }]);
    const [bigCommunity, bigStreet] = await measure(district, [
      { level: 'community', role: 'community_staff' },
      { level: 'street', role: 'street_supervisor' },
    ]);
    const rows = [...small!.keys()].map((name) => ({
      endpoint: name,
      community: ms(small!.get(name)),
      district: ms(bigCommunity!.get(name)),
      growth: ratio(bigCommunity!.get(name), small!.get(name)),
      street: ms(bigStreet!.get(name)),
      streetGrowth: ratio(bigStreet!.get(name), small!.get(name)),
    }));
    console.log(
      `\nregistry: ${REQUESTS} sequential requests per cell after ${WARMUP} warm-up, p50 / p95 in ms; ` +
        `${os.cpus().length} cores; load average before ${loadBefore}, after ${loadAverage()}`,
    );
    console.log(
      '| endpoint | community scale, community user | district scale, community user | growth | district scale, street user | growth |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.endpoint} | ${r.community} | ${r.district} | ${r.growth} | ${r.street} | ${r.streetGrowth} |`);
  } finally {
    await cluster.close();
  }
}
