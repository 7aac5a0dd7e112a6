import { type FiguresGroupBy, type OrderOutcome, type OrderRating, type OrderStatus, localDate } from '@linli/contracts';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../core/context.js';
import { orders } from '../../db/schema/index.js';
import { runFigureRollupPass } from '../../jobs/figure-rollup-pass.js';
import {
  type Tree,
  buildArea,
  buildCommunityTree,
  buildOrderRow,
  buildOrg,
  buildService,
  buildUser,
  useTestDb,
} from '../../testing/index.js';
import { testPii } from '../../testing/registry-factories.js';
import { loadActor } from '../auth/repo.js';
import type { CellTable } from './repo-cells.js';
import { lastRollableDay } from './repo-rollup.js';
import { type FigureBuckets, bucketsWhere } from './repo.js';
import { dayStart, rollupSpan, shiftDate } from './rollup-span.js';
import { getFigures } from './verbs/get-figures.js';

const t = useTestDb();
const TODAY = localDate();
const MINUTE = 60_000;

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}
const r = rng(20_261_207);

type Level = 'districtId' | 'streetId' | 'communityId';
let trees: Tree[];
let services: Awaited<ReturnType<typeof buildService>>[];
let handlers: Awaited<ReturnType<typeof buildOrg>>[];

/** An order placed `daysAgo` days before today (0: today), at a random minute, at some random stage of its life. */
function randomOrder(daysAgo: number) {
  const placed = new Date(dayStart(shiftDate(TODAY, -daysAgo)).getTime() + r.int(daysAgo === 0 ? 1 : 24 * 60) * MINUTE);
  const stage = r.int(6);
  const at = (n: number, step: number) => (stage >= n ? new Date(placed.getTime() + step * MINUTE) : null);
  const status: OrderStatus = (['placed', 'dispatched', 'accepted', 'handled', 'confirmed', 'closed'] as const)[stage]!;
  const closed = status === 'closed';
  return {
    placedAt: placed,
    dispatchedAt: at(1, 10 + r.int(50)),
    acceptedAt: at(2, 70 + r.int(60)),
    handledAt: at(3, 200 + r.int(300)),
    closedAt: closed ? new Date(placed.getTime() + (600 + r.int(900)) * MINUTE) : null,
    status,
    handlerOrgId: stage >= 1 ? r.pick(handlers).id : null,
    outcome: closed ? r.pick<OrderOutcome>(['resolved', 'resolved', 'unresolved', 'withdrawn', 'duplicate']) : null,
    acceptedOnTime: stage >= 2 ? r.next() < 0.8 : null,
    closedOnTime: closed ? r.next() < 0.7 : null,
    reworkCount: r.int(5) === 0 ? 1 : 0,
    extensionCount: r.int(6) === 0 ? 1 : 0,
    rating: stage >= 4 ? r.pick<OrderRating | null>(['satisfied', 'basic', 'unsatisfied', null]) : null,
  };
}

async function addOrders(n: number, maxDaysAgo: number) {
  for (let i = 0; i < n; i++) {
    const tree = r.pick(trees);
    const service = r.pick(services.filter((s) => s.streetId === tree.street.id));
    await buildOrderRow(t.db, service, tree.building, randomOrder(r.int(maxDaysAgo + 1)));
  }
}

const plain = (b: FigureBuckets) => ({
  total: b.total,
  groups: Object.fromEntries([...b.groups].map(([k, v]) => [String(k), v])),
  months: Object.fromEntries(b.months),
});

/** Every grouping, level and period, once from the rollups (with the orders for what they lack) and once from the orders alone. */
async function compareAll(): Promise<number> {
  let compared = 0;
  const periods = [
    { from: shiftDate(TODAY, -120), to: TODAY },
    { from: `${shiftDate(TODAY, -75).slice(0, 7)}-01`, to: shiftDate(TODAY, -1) },
    { from: shiftDate(TODAY, -50), to: shiftDate(TODAY, -20) },
    { from: shiftDate(TODAY, -3), to: TODAY },
  ];
  const groupings: FiguresGroupBy[] = ['service', 'category', 'handler', 'community', 'street'];
  const areas: [Level, string][] = [
    ['districtId', trees[0]!.district.id],
    ['streetId', trees[0]!.street.id],
    ['communityId', trees[1]!.community.id],
  ];
  for (const p of periods)
    for (const groupBy of groupings)
      for (const [level, id] of areas) {
        const where = sql`${orders[level]} = ${id}`;
        const opts = { where, groupBy, start: dayStart(p.from), end: dayStart(shiftDate(p.to, 1)) };
        const cells = (table: CellTable) => sql`${table[level]} = ${id}`;
        const fromRollups = await bucketsWhere(t.db, { ...opts, rollup: { cells, ...p } });
        const fromOrders = await bucketsWhere(t.db, opts);
        expect(plain(fromRollups), `${groupBy} of ${level} over ${p.from}…${p.to}`).toEqual(plain(fromOrders));
        compared++;
      }
  return compared;
}

const count = async (table: string) => (await t.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

beforeAll(async () => {
  const first = await buildCommunityTree(t.db);
  const second = await buildCommunityTree(t.db, first.street);
  const otherStreet = await buildArea(t.db, 'street', first.district);
  trees = [first, second, await buildCommunityTree(t.db, otherStreet)];
  services = [];
  for (const street of [first.street, otherStreet])
    for (const category of ['property', 'home_service'] as const) services.push(await buildService(t.db, street, { category }));
  handlers = [
    await buildOrg(t.db, first.community),
    await buildOrg(t.db, first.street, 'street_dept'),
    await buildOrg(t.db, otherStreet, 'social_org'),
  ];
  await addOrders(260, 130);
}, 120_000);

// 120 comparisons of two reads each: generous on a loaded machine
describe('order figure rollups', { timeout: 180_000 }, () => {
  it('split a period into whole months, rolled-up days and the days after', () => {
    expect(rollupSpan('2025-01-15', '2025-12-20', '2025-12-06')).toMatchObject({
      through: '2025-12-06',
      fullFrom: '2025-02-01',
      fullUntil: '2025-12-01',
    });
    expect(rollupSpan('2025-01-15', '2025-12-20', '2025-12-06').scanFrom.toISOString()).toBe('2025-12-06T16:00:00.000Z');
    expect(rollupSpan('2025-03-01', '2025-03-31', '2025-12-06')).toMatchObject({
      through: '2025-03-31',
      fullFrom: '2025-03-01',
      fullUntil: '2025-04-01',
    });
    expect(rollupSpan('2025-03-15', '2025-03-20', null)).toMatchObject({ through: '2025-03-14', fullUntil: '2025-04-01' });
  });

  it('give the figures of a full scan before the job ever ran (nothing rolled up: everything from the orders)', async () => {
    expect(await compareAll()).toBe(60);
  });

  it('once built by the job, answer every grouping, level and period exactly as a full scan', async () => {
    const pass = await runFigureRollupPass(t.db, new Date());
    expect(pass).toMatchObject({ builtThrough: lastRollableDay(new Date()), more: false });
    expect(await count('order_figure_days')).toBeGreaterThan(100);
    expect(await count('order_figure_months')).toBeGreaterThan(10);
    expect(await count('order_figure_dirty WHERE day <= (SELECT built_through FROM figure_rollup_state)')).toBe(0);
    await compareAll();
  });

  it('stay exact when counted orders change status, day, community or are deleted, before and after the job', async () => {
    const counted = await t.db
      .select()
      .from(orders)
      .where(sql`${orders.placedAt} < ${dayStart(shiftDate(TODAY, -2)).toISOString()}`);
    for (const o of counted.slice(0, 40)) {
      const change = r.int(4);
      if (change === 0)
        await t.db
          .update(orders)
          .set({
            status: 'closed',
            outcome: 'resolved',
            closedOnTime: true,
            closedAt: new Date(o.placedAt.getTime() + 900 * MINUTE),
            rating: 'satisfied',
          })
          .where(eq(orders.id, o.id));
      else if (change === 1)
        await t.db
          .update(orders)
          .set({ placedAt: new Date(o.placedAt.getTime() - r.int(40) * 86_400_000) })
          .where(eq(orders.id, o.id));
      else if (change === 2) {
        const to = r.pick(trees);
        await t.db
          .update(orders)
          .set({
            districtId: to.district.id,
            streetId: to.street.id,
            communityId: to.community.id,
            gridId: to.grid.id,
            buildingId: to.building.id,
          })
          .where(eq(orders.id, o.id));
      } else await t.db.delete(orders).where(eq(orders.id, o.id));
    }
    await addOrders(30, 100);
    expect(await count('order_figure_dirty')).toBeGreaterThan(0);
    await compareAll();
    await runFigureRollupPass(t.db, new Date());
    expect(await count('order_figure_dirty WHERE day <= (SELECT built_through FROM figure_rollup_state)')).toBe(0);
    await compareAll();
  });

  it('street_supervisor: reads only their street from the rollups', async () => {
    const u = await buildUser(t.db, 'street_supervisor', { areaId: trees[0]!.street.id });
    const ctx = { ...systemCtx(t.db, testPii), actor: (await loadActor(t.db, u.id))! };
    const period = { from: shiftDate(TODAY, -120), to: TODAY };
    const f = await getFigures({ ctx, input: { groupBy: 'street', ...period } });
    const scan = await bucketsWhere(t.db, {
      where: sql`${orders.streetId} = ${trees[0]!.street.id}`,
      groupBy: 'street',
      start: dayStart(period.from),
      end: dayStart(shiftDate(TODAY, 1)),
    });
    expect(f.rows.map((row) => row.key)).toEqual([trees[0]!.street.id]);
    expect(f.totals.counts).toEqual(scan.total.counts);
  });

  it('are what the reads use: a cell altered by hand shows in the figures (so the comparisons above compare something)', async () => {
    const month = `${shiftDate(TODAY, -60).slice(0, 7)}-01`;
    const hit = await t.pool.query(
      `UPDATE order_figure_months SET placed = placed + 1000 WHERE ctid = (SELECT ctid FROM order_figure_months WHERE month = $1 LIMIT 1)`,
      [month],
    );
    expect(hit.rowCount).toBe(1);
    await expect(compareAll()).rejects.toThrow();
  });
});
