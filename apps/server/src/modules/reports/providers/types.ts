import type { AreaKind, Locale, ReportFigures, ReportKey, ReportValues } from '@linli/contracts';
import type { ScopedRow } from '../../../core/actor.js';
import type { Db } from '../../../db/pool.js';

/** The scope column of a level: "rows in area X" is one equality on it. */
export type LevelKey = keyof ScopedRow;

/** What every provider is asked about: one area, its children's level and the period (China time). */
export type ReportTarget = {
  area: { id: string; kind: AreaKind };
  level: LevelKey;
  /** the level of the areas compared side by side (grids of a community …); null for a grid */
  childLevel: LevelKey | null;
  from: string;
  to: string;
  /** instants of the period: [start, end) */
  start: Date;
  end: Date;
  /** the calendar months of the period, `YYYY-MM` */
  months: string[];
  /** the day "overdue" is judged on: the period's end, or today when it ends later */
  asOf: string;
  locale: Locale;
};

/** A provider's answer: its figures, the same values per child area and per month (only where they happen in time). */
export type ProviderResult = {
  figures: ReportFigures;
  children: Map<string, ReportValues>;
  months: Map<string, ReportValues>;
};

/** One module's contribution to the work report: the keys it answers and one aggregate read for them. */
export type ReportProvider = {
  module: string;
  keys: readonly ReportKey[];
  collect: (db: Db, target: ReportTarget) => Promise<ProviderResult>;
};

/** Adds `value` under `key` in the values of `id` (a child area or a month). */
export function addValue(map: Map<string, ReportValues>, id: string | null, key: ReportKey, value: number): void {
  if (id === null) return;
  const values = map.get(id) ?? map.set(id, {}).get(id)!;
  values[key] = (values[key] ?? 0) + value;
}
