import type { FiguresGroupBy, ReportValues } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { orders } from '../../../db/schema/index.js';
import { ratesOf } from '../../figures/calculator.js';
import type { CellTable } from '../../figures/repo-cells.js';
import { type FigureBuckets, bucketsWhere, groupNames } from '../../figures/repo.js';
import { inArea } from './columns.js';
import { type LevelKey, type ProviderResult, type ReportProvider, type ReportTarget, addValue } from './types.js';

const CHILD_GROUP: Partial<Record<LevelKey, FiguresGroupBy>> = { streetId: 'street', communityId: 'community', gridId: 'grid' };

/** The levels the figure rollups carry: a grid's report reads its orders. */
const ROLLUP_LEVELS: readonly LevelKey[] = ['districtId', 'streetId', 'communityId'];

function buckets(db: Parameters<ReportProvider['collect']>[0], t: ReportTarget, groupBy: FiguresGroupBy): Promise<FigureBuckets> {
  const rollup = ROLLUP_LEVELS.includes(t.level) ? { cells: (table: CellTable) => inArea(table, t), from: t.from, to: t.to } : null;
  return bucketsWhere(db, { where: inArea(orders, t), groupBy, start: t.start, end: t.end, rollup });
}

/** Orders placed per child area in the period: the count the comparison shows, from the rollups above the grid. */
async function placedByChild(db: Parameters<ReportProvider['collect']>[0], t: ReportTarget): Promise<[string | null, number][]> {
  const childGroup = t.childLevel ? CHILD_GROUP[t.childLevel] : undefined;
  if (!childGroup) return [];
  if (childGroup !== 'grid') return [...(await buckets(db, t, childGroup)).groups].map(([g, b]) => [g, b.counts.placed]);
  const { rows } = await db.execute<{ g: string | null; n: number }>(sql`
    SELECT ${orders.gridId}::text AS g, count(*)::int AS n FROM ${orders}
    WHERE ${inArea(orders, t)} AND ${orders.placedAt} >= ${t.start.toISOString()} AND ${orders.placedAt} < ${t.end.toISOString()}
    GROUP BY 1`);
  return rows.map((r) => [r.g, r.n]);
}

/** e服务超市: orders placed in the period, by service, with the three rates (the figures module's own calculation). */
export const ordersProvider: ReportProvider = {
  module: 'orders',
  keys: ['orders'],
  async collect(db, t): Promise<ProviderResult> {
    const [byService, byChild] = await Promise.all([buckets(db, t, 'service'), placedByChild(db, t)]);
    const names = await groupNames(
      db,
      'service',
      [...byService.groups.keys()].filter((k): k is string => k !== null),
    );
    const by = [...byService.groups]
      .map(([key, b]) => ({ key: key ?? '', name: (key && names.get(key)) ?? '', value: b.counts.placed }))
      .sort((x, y) => y.value - x.value || x.name.localeCompare(y.name));
    const { responseRate, resolutionRate, satisfactionRate } = ratesOf(byService.total.counts);
    const children = new Map<string, ReportValues>();
    for (const [g, n] of byChild) addValue(children, g, 'orders', n);
    const months = new Map<string, ReportValues>();
    for (const [m, b] of byService.months) addValue(months, m, 'orders', b.counts.placed);
    const figures = { orders: { value: byService.total.counts.placed, by, rates: { responseRate, resolutionRate, satisfactionRate } } };
    return { figures, children, months };
  },
};
