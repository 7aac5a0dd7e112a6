import { type FiguresDto, type FiguresQuery, type FiguresRow, SERVICE_CATEGORY_LABELS, type ServiceCategoryCode } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { levelKey } from '../../core/actor.js';
import type { AuthedCtx } from '../../core/context.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { scopeFilter } from '../../core/scope.js';
import { orders } from '../../db/schema/index.js';
import { findNode } from '../areas/repo.js';
import { EMPTY_COUNTS, NO_AVERAGES, figureSet } from './calculator.js';
import { FIGURES_MESSAGES, NO_GROUP } from './messages.js';
import { MAX_PERIOD_MONTHS, type Period, resolvePeriod } from './period.js';
import { canFilterFigures, canReadFigures } from './policy.js';
import { figureBuckets, groupNames } from './repo.js';

const SCOPE_COLUMNS = {
  districtId: orders.districtId,
  streetId: orders.streetId,
  communityId: orders.communityId,
  compoundId: orders.compoundId,
  gridId: orders.gridId,
  buildingId: orders.buildingId,
} as const;

function checkPeriod(period: Period, ctx: AuthedCtx): void {
  if (period.from > period.to) throw invalid([{ path: 'from', message: FIGURES_MESSAGES.fromAfterTo()[ctx.locale] }]);
  if (period.months.length > MAX_PERIOD_MONTHS)
    throw invalid([{ path: 'from', message: FIGURES_MESSAGES.tooLong(MAX_PERIOD_MONTHS)[ctx.locale] }]);
}

/** The order figures (three rates and the rest) of the actor's scope, optionally one area, per group and per month. */
export async function getFigures({ ctx, input }: { ctx: AuthedCtx; input: FiguresQuery }): Promise<FiguresDto> {
  if (!canReadFigures(ctx.actor)) throw forbidden();
  const area = input.areaId ? await findNode(ctx.db, input.areaId) : undefined;
  if (input.areaId && (!area || !canFilterFigures(ctx.actor, area))) throw notFound('area');
  const period = resolvePeriod(input);
  checkPeriod(period, ctx);
  const scope = scopeFilter(ctx.actor, 'figures.read', SCOPE_COLUMNS);
  const where = and(scope, area ? eq(SCOPE_COLUMNS[levelKey(area.kind)], area.id) : undefined)!;
  const buckets = await figureBuckets(ctx.db, { where, groupBy: input.groupBy, start: period.start, end: period.end });
  const keys = [...buckets.groups.keys()].filter((k): k is string => k !== null);
  const names = await groupNames(ctx.db, input.groupBy, keys);
  const nameOf = (key: string | null): string => {
    if (key === null) return (NO_GROUP[input.groupBy] ?? FIGURES_MESSAGES.unknown())[ctx.locale];
    if (input.groupBy === 'category') return SERVICE_CATEGORY_LABELS[key as ServiceCategoryCode]?.[ctx.locale] ?? key;
    return names.get(key) ?? FIGURES_MESSAGES.unknown()[ctx.locale];
  };
  const rows: FiguresRow[] = [...buckets.groups]
    .map(([key, b]) => ({ key, name: nameOf(key), ...figureSet(b.counts, b.averages) }))
    .sort((a, b) => b.counts.placed - a.counts.placed || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    from: period.from,
    to: period.to,
    groupBy: input.groupBy,
    area: area ? { id: area.id, name: area.name } : null,
    totals: figureSet(buckets.total.counts, buckets.total.averages),
    rows,
    months: period.months.map((month) => {
      const set = figureSet(buckets.months.get(month)?.counts ?? EMPTY_COUNTS, NO_AVERAGES);
      return {
        month,
        placed: set.counts.placed,
        responseRate: set.rates.responseRate,
        resolutionRate: set.rates.resolutionRate,
        satisfactionRate: set.rates.satisfactionRate,
      };
    }),
  };
}
