import type { FiguresGroupBy, ReportValues } from '@linli/contracts';
import { orders } from '../../../db/schema/index.js';
import { ratesOf } from '../../figures/calculator.js';
import { type FigureBuckets, bucketsWhere, groupNames } from '../../figures/repo.js';
import { inArea } from './columns.js';
import { type LevelKey, type ProviderResult, type ReportProvider, type ReportTarget, addValue } from './types.js';

const CHILD_GROUP: Partial<Record<LevelKey, FiguresGroupBy>> = { streetId: 'street', communityId: 'community', gridId: 'grid' };

function buckets(db: Parameters<ReportProvider['collect']>[0], t: ReportTarget, groupBy: FiguresGroupBy): Promise<FigureBuckets> {
  return bucketsWhere(db, { where: inArea(orders, t), groupBy, start: t.start, end: t.end });
}

/** e服务超市: orders placed in the period, by service, with the three rates (the figures module's own calculation). */
export const ordersProvider: ReportProvider = {
  module: 'orders',
  keys: ['orders'],
  async collect(db, t): Promise<ProviderResult> {
    const childGroup = t.childLevel ? CHILD_GROUP[t.childLevel] : undefined;
    const [byService, byChild] = await Promise.all([buckets(db, t, 'service'), childGroup ? buckets(db, t, childGroup) : null]);
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
    for (const [g, b] of byChild?.groups ?? []) addValue(children, g, 'orders', b.counts.placed);
    const months = new Map<string, ReportValues>();
    for (const [m, b] of byService.months) addValue(months, m, 'orders', b.counts.placed);
    const figures = { orders: { value: byService.total.counts.placed, by, rates: { responseRate, resolutionRate, satisfactionRate } } };
    return { figures, children, months };
  },
};
