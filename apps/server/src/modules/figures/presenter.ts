import {
  type FiguresDto,
  type FiguresGroupBy,
  type FiguresRow,
  type Locale,
  SERVICE_CATEGORY_LABELS,
  type ServiceCategoryCode,
} from '@linli/contracts';
import { EMPTY_COUNTS, NO_AVERAGES, figureSet } from './calculator.js';
import { FIGURES_MESSAGES, NO_GROUP } from './messages.js';
import type { Period } from './period.js';
import type { FigureBuckets } from './repo.js';

export type FiguresOf = {
  groupBy: FiguresGroupBy;
  period: Period;
  area: { id: string; name: string } | undefined;
  buckets: FigureBuckets;
  /** display names of the groups' keys, from groupNames */
  names: Map<string, string>;
};

/** The figures as the contract sends them: totals, groups by most orders placed, and every month of the period. */
export function presentFigures(f: FiguresOf, locale: Locale): FiguresDto {
  const nameOf = (key: string | null): string => {
    if (key === null) return (NO_GROUP[f.groupBy] ?? FIGURES_MESSAGES.unknown())[locale];
    if (f.groupBy === 'category') return SERVICE_CATEGORY_LABELS[key as ServiceCategoryCode]?.[locale] ?? key;
    return f.names.get(key) ?? FIGURES_MESSAGES.unknown()[locale];
  };
  const rows: FiguresRow[] = [...f.buckets.groups]
    .map(([key, b]) => ({ key, name: nameOf(key), ...figureSet(b.counts, b.averages) }))
    .sort((a, b) => b.counts.placed - a.counts.placed || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    from: f.period.from,
    to: f.period.to,
    groupBy: f.groupBy,
    area: f.area ? { id: f.area.id, name: f.area.name } : null,
    totals: figureSet(f.buckets.total.counts, f.buckets.total.averages),
    rows,
    months: f.period.months.map((month) => {
      const set = figureSet(f.buckets.months.get(month)?.counts ?? EMPTY_COUNTS, NO_AVERAGES);
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
