import { localDate } from '@linli/contracts';
import { runFigureRollupPass } from '../apps/server/src/jobs/figure-rollup-pass.js';
import { runRegistryRollupPass } from '../apps/server/src/modules/figures/registry-rollup.js';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.js';
import { reportPeriod } from '../apps/server/src/modules/reports/period.js';
import { REPORT_LEVELS } from '../apps/server/src/modules/reports/policy.js';
import { REPORT_PROVIDERS } from '../apps/server/src/modules/reports/providers/index.js';
import type { ReportTarget } from '../apps/server/src/modules/reports/providers/types.js';
import { type BenchDb, openBenchCluster } from './bench-db.js';
import { type Session, createBenchUser, loadAverage, percentile, signIn, startBenchServer, timeRequests } from './bench-client.js';
import { districtScale } from './dataset.js';
import { ensureOrders } from './orders.js';
import { ensurePartyData } from './party-dataset.js';
import { BENCH_SEED } from './registry.js';
import { type Figure, reportFigures } from './report.js';
import { ensureReportData } from './reports-dataset.js';
import { BENCH_PASSWORD } from './server-process.js';
import { RAW_FLOORS, type RawArea } from './reports-raw.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const ORDERS = Math.round(1_000_000 * SCALE);
const log = (m: string) => console.log(m);
const ms = (t0: number) => performance.now() - t0;

type Area = RawArea & { code: string; name: string; kind: 'community' | 'street' | 'district' };

async function busiest(db: BenchDb, kind: Area['kind']): Promise<Area> {
  const level = { community: 'community_id', street: 'street_id', district: 'district_id' }[kind];
  const { rows } = await db.pool.query<Area>(
    `SELECT a.id, a.code, a.name, a.kind FROM area_nodes a WHERE a.kind = $1
     ORDER BY (SELECT count(*) FROM orders o WHERE o.${level} = a.id) DESC, a.code LIMIT 1`,
    [kind],
  );
  return rows[0]!;
}

/** What the work report's providers are asked for an area's default report (the 365 days up to today). */
function targetOf(area: Area): ReportTarget {
  const levels = REPORT_LEVELS[area.kind]!;
  return {
    area: { id: area.id, kind: area.kind },
    level: levels.level,
    childLevel: levels.child?.level ?? null,
    ...reportPeriod({}),
    locale: 'zh-CN',
  };
}

/** Each provider's collect for one area, in-process, `n` times after a warm-up: which figure is the heaviest. */
async function providerTimes(db: BenchDb, area: Area, n: number): Promise<{ module: string; p50: number; p95: number }[]> {
  const target = targetOf(area);
  const out = [];
  for (const p of REPORT_PROVIDERS) {
    await p.collect(db.db, target);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await p.collect(db.db, target);
      times.push(ms(t0));
    }
    times.sort((a, b) => a - b);
    out.push({ module: p.module, p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  return out.sort((a, b) => b.p50 - a.p50);
}

/**
 * `npm run bench -- reports`: the work report (the dashboard reads the same JSON) and the order figures for the
 * busiest community, street and the district, beside the hand-written SQL of the heaviest figure in the same run.
 */
export async function benchReports(): Promise<void> {
  const cluster = await openBenchCluster(log);
  try {
    const db = await cluster.dataset('district', districtScale(), BENCH_SEED);
    await ensureOrders(db, ORDERS);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    await ensurePartyData(db, SCALE, passwordHash, log);
    await ensureReportData(db, passwordHash, log);
    const built = performance.now();
    let passes = 0;
    for (;;) {
      passes++;
      const r = await runFigureRollupPass(db.db, new Date());
      if (!('more' in r) || !r.more) break;
    }
    log(`figure rollups brought up to date in ${(ms(built) / 1000).toFixed(1)} s (${passes} passes)`);
    const registryBuilt = performance.now();
    const registryPass = await runRegistryRollupPass(db.db, 600_000);
    log(`registry rollups brought up to date in ${(ms(registryBuilt) / 1000).toFixed(1)} s (${JSON.stringify(registryPass)})`);
    const areas = {
      community: await busiest(db, 'community'),
      street: await busiest(db, 'street'),
      district: await busiest(db, 'district'),
    };
    for (const a of Object.values(areas)) {
      const times = await providerTimes(db, a, Number(process.env.BENCH_PROVIDER_RUNS ?? 5));
      log(
        `providers for ${a.kind} ${a.name}, p50 / p95 ms: ${times.map((t) => `${t.module} ${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}`).join(', ')}`,
      );
    }
    const users = {
      community: await createBenchUser(db.db, 'bench-report-community', 'community_admin', areas.community.id),
      street: await createBenchUser(db.db, 'bench-report-street', 'street_supervisor', areas.street.id),
      district: await createBenchUser(db.db, 'bench-report-district', 'system_admin', areas.district.id),
    };
    const server = await startBenchServer(db.url, 600_000);
    const figures: Figure[] = [];
    try {
      const sessions: Record<keyof typeof areas, Session> = {
        community: await signIn(server.url, users.community),
        street: await signIn(server.url, users.street),
        district: await signIn(server.url, users.district),
      };
      const today = localDate();
      for (const level of ['community', 'street', 'district'] as const) {
        const a = areas[level];
        const s = sessions[level];
        const rollup = await RAW_FLOORS.ordersByService(db, a, REQUESTS);
        const registry = await RAW_FLOORS.registryRollup(db, a, REQUESTS);
        const registryScan = await RAW_FLOORS.registryScan(db, targetOf(a), Math.max(5, Math.round(REQUESTS / 4)));
        const scan = await RAW_FLOORS.ordersScan(db, a, Math.max(5, Math.round(REQUESTS / 4)));
        // the floor is the heaviest figure's SQL: the report cannot answer before its slowest statement does
        const floor = registry.p50 > rollup.p50 ? registry : rollup;
        const child = level === 'community' ? 'category' : 'community';
        const cells: [string, string][] = [
          [`work report (dashboard), ${level}`, `/api/reports/work?area=${a.code}&to=${today}`],
          [`figures by service, ${level}`, `/api/figures?groupBy=service&areaId=${a.id}`],
          [`figures by ${child}, ${level}`, `/api/figures?groupBy=${child}&areaId=${a.id}`],
        ];
        for (const [name, url] of cells) {
          const t = await timeRequests(s, [url], REQUESTS, 10);
          figures.push({ name: `${name} p50`, unit: 'ms', measured: t.p50, floor: floor.p50, better: 'lower', aim: { ratio: 1 / 1.5 } });
          figures.push({ name: `${name} p95`, unit: 'ms', measured: t.p95, floor: floor.p95, better: 'lower', aim: { max: 300 } });
        }
        const raw = (name: string, t: { p50: number; p95: number }) =>
          figures.push(
            { name: `raw SQL: ${name}, ${level} p50`, unit: 'ms', measured: t.p50, floor: null, better: 'lower' },
            { name: `raw SQL: ${name}, ${level} p95`, unit: 'ms', measured: t.p95, floor: null, better: 'lower' },
          );
        raw('registry from rollups (cells + mapped buildings)', registry);
        raw('registry, full scan of residents and households (no rollups)', registryScan);
        raw('orders by service from rollups + today', rollup);
        raw('orders by service, full scan of the year (no rollups)', scan);
        log(`${level} done (load ${loadAverage()})`);
      }
    } finally {
      await server.stop();
    }
    reportFigures('reports', figures, `${ORDERS.toLocaleString('en-US')} orders, ${REQUESTS} sequential requests per cell`);
  } finally {
    await cluster.close();
  }
}
