import os from 'node:os';
import type { Role } from '@linli/contracts';
import { type BenchDb, openBenchCluster } from './bench-db.js';
import { type Session, createBenchUser, loadAverage, signIn, startBenchServer, timeRequests } from './bench-client.js';
import { COMMUNITY_SCALE, districtScale } from './dataset.js';
import { type Figure, reportFigures } from './report.js';
import { freePort, startProcess } from './server-process.js';

export const BENCH_SEED = 20_260_301;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = 20;
const SAMPLES = 25;

type Level = 'community' | 'street';
type Timing = { p50: number; p95: number };
/** `bare`: the same reads on registry-bare.ts (the floor); absent where the bench has none (the map, which has no aim here). */
type Endpoint = { name: string; urls: string[]; bare?: string[] };
type Cell = { app: Timing; bare?: Timing };

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
  const twoCharacterNames = await pick('name', 'residents', 'char_length(name) = 2');
  const surnames = await pick('substr(name, 1, 1)', 'residents', 'true');
  const initials = await pick('name_initials', 'residents', 'length(name_initials) = 3');
  const tails = await pick('phone_tail', 'residents', 'phone_tail IS NOT NULL');
  const buildings = await pick('id', 'area_nodes', `kind = 'building'`);
  const compounds = await pick('id', 'area_nodes', `kind = 'compound'`);
  const scope = `level=${level}&area=${areaId}`;
  const search = (values: string[]) => ({
    urls: values.map((q) => `/api/residents?q=${encodeURIComponent(q)}&pageSize=20`),
    bare: values.map((q) => `/bare/residents?${scope}&q=${encodeURIComponent(q)}&pageSize=20`),
  });
  const pages = Array.from({ length: 10 }, (_, i) => `page=${i + 1}&pageSize=20`);
  return [
    { name: 'resident search: full name', ...search(names) },
    { name: 'resident search: two-character full name', ...search(twoCharacterNames) },
    { name: 'resident search: one character (surname)', ...search(surnames) },
    { name: 'resident search: pinyin initials (3 letters)', ...search(initials) },
    { name: 'resident search: phone tail (4 digits)', ...search(tails) },
    { name: "one building's map", urls: buildings.map((id) => `/api/map/buildings/${id}`) },
    { name: 'compound overview (site map)', urls: compounds.map((id) => `/api/map/areas/${id}`) },
    {
      name: 'household list, pages 1–10',
      urls: pages.map((p) => `/api/households?${p}`),
      bare: pages.map((p) => `/bare/households?${scope}&${p}`),
    },
  ];
}

const firstArea = async (db: BenchDb, kind: string) =>
  (await db.pool.query<{ id: string; name: string }>(`SELECT id, name FROM area_nodes WHERE kind = $1 ORDER BY code LIMIT 1`, [kind]))
    .rows[0]!;

/** Runs the server and the bare floor on `db` and times every endpoint for each user (a role on the first area of its level). */
async function measure(db: BenchDb, users: { level: Level; role: Role }[]): Promise<Map<string, Cell>[]> {
  const areas = await Promise.all(users.map((u) => firstArea(db, u.level)));
  const names = await Promise.all(users.map((u, i) => createBenchUser(db.db, `bench-${u.level}`, u.role, areas[i]!.id)));
  const server = await startBenchServer(db.url);
  const bare = await startProcess(
    'bench/registry-bare.ts',
    { PORT: String(await freePort()), DATABASE_URL: db.url },
    'bare registry ready',
  );
  try {
    const out: Map<string, Cell>[] = [];
    for (const [i, u] of users.entries()) {
      const session = await signIn(server.url, names[i]!);
      const bareSession: Session = { ...session, base: bare.url };
      const cells = new Map<string, Cell>();
      for (const e of await endpointsFor(db, u.level, areas[i]!.id)) {
        const app = await timeRequests(session, e.urls, REQUESTS, WARMUP);
        const floor = e.bare ? await timeRequests(bareSession, e.bare, REQUESTS, WARMUP) : undefined;
        cells.set(e.name, { app, bare: floor });
        console.log(
          `  ${db.name} · ${u.level} user (${areas[i]!.name}) · ${e.name}: p50 ${app.p50.toFixed(1)} ms` +
            `${floor ? `, floor ${floor.p50.toFixed(1)} ms` : ''} (load ${loadAverage()})`,
        );
      }
      out.push(cells);
    }
    return out;
  } finally {
    await bare.stop();
    await server.stop();
  }
}

const ms = (t: Timing | undefined) => (t ? `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}` : '–');
const ratio = (a: Timing | undefined, b: Timing | undefined) =>
  a && b ? `${(a.p50 / b.p50).toFixed(2)}× / ${(a.p95 / b.p95).toFixed(2)}×` : '–';
const PCTS = ['p50', 'p95'] as const;

/** Each cell's p50 and p95 beside its floor; growth (district ÷ community) beside the floor's growth, aim < 2×; street p95 aim < 100 ms. */
function figuresOf(name: string, small: Cell, big: Cell, street: Cell, aimed: boolean): Figure[] {
  const cell = (label: string, c: Cell, aim?: (p: (typeof PCTS)[number]) => Figure['aim']): Figure[] =>
    PCTS.map((p) => ({
      name: `${name} · ${label} · ${p}`,
      unit: 'ms',
      measured: c.app[p],
      floor: c.bare?.[p] ?? null,
      better: 'lower',
      aim: aim?.(p),
    }));
  const growth = (label: string, to: Cell): Figure[] =>
    PCTS.map((p) => ({
      name: `${name} · growth, ${label} ÷ community scale · ${p}`,
      unit: '×',
      measured: to.app[p] / small.app[p],
      floor: to.bare && small.bare ? to.bare[p] / small.bare[p] : null,
      better: 'lower',
      aim: aimed ? { max: 2 } : undefined,
    }));
  return [
    ...cell('community scale, community user', small),
    ...cell('district scale, community user', big),
    ...cell('district scale, street user', street, (p) => (aimed && p === 'p95' ? { max: 100 } : undefined)),
    ...growth('district scale community user', big),
    ...growth('district scale street user', street),
  ];
}

/**
 * Registry reads at community scale (one community of ~12,000 residents) and district scale (860,000), through
 * HTTP against the real app and against the same SQL by hand (registry-bare.ts): p50/p95 of `REQUESTS` sequential
 * requests each, for a community user on both, and a street user on the district; growth = district ÷ community.
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
    console.log(
      `\nregistry: ${REQUESTS} sequential requests per cell after ${WARMUP} warm-up, p50 / p95 in ms (floor in brackets); ` +
        `${os.cpus().length} cores; load average before ${loadBefore}, after ${loadAverage()}`,
    );
    console.log(
      '| endpoint | community scale, community user | district scale, community user | growth | district scale, street user | growth |',
    );
    console.log('|---|---|---|---|---|---|');
    const figures: Figure[] = [];
    for (const name of small!.keys()) {
      const [s, b, st] = [small!.get(name)!, bigCommunity!.get(name)!, bigStreet!.get(name)!];
      const withFloor = (c: Cell) => `${ms(c.app)}${c.bare ? ` (${ms(c.bare)})` : ''}`;
      console.log(`| ${name} | ${withFloor(s)} | ${withFloor(b)} | ${ratio(b.app, s.app)} | ${withFloor(st)} | ${ratio(st.app, s.app)} |`);
      figures.push(...figuresOf(name, s, b, st, s.bare !== undefined));
    }
    reportFigures('registry', figures, `${REQUESTS} sequential requests per cell, p50/p95 of request time`);
  } finally {
    await cluster.close();
  }
}
