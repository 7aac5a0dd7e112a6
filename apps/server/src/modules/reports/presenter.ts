import { ReportKey, type ReportFigures, type ReportValues, type WorkReportDto } from '@linli/contracts';
import type { ProviderResult } from './providers/types.js';
import type { ReportAreaRow } from './repo.js';

const areaOf = (a: ReportAreaRow) => ({ id: a.id, code: a.code, name: a.name, kind: a.kind });

/**
 * Every id's values from all providers; a key some id has is zero (not absent) for the ids that lack it, so a grid
 * with no orders reads 0 beside its neighbours, while a key no id has (no such figure at that level) stays absent.
 */
function merged(ids: readonly string[], maps: readonly Map<string, ReportValues>[]): ReportValues[] {
  const out = ids.map((): ReportValues => ({}));
  for (const map of maps) {
    const keys = new Set([...map.values()].flatMap((v) => Object.keys(v) as ReportKey[]));
    ids.forEach((id, i) => {
      for (const k of keys) out[i]![k] = map.get(id)?.[k] ?? 0;
    });
  }
  return out;
}

export type ReportParts = {
  area: ReportAreaRow;
  from: string;
  to: string;
  months: string[];
  children: readonly ReportAreaRow[];
  results: readonly ProviderResult[];
};

/** The report DTO: providers' figures side by side, in the order of the keys. */
export function presentWorkReport(p: ReportParts): WorkReportDto {
  const figures: ReportFigures = Object.assign({}, ...p.results.map((r) => r.figures));
  const childValues = merged(
    p.children.map((c) => c.id),
    p.results.map((r) => r.children),
  );
  const monthValues = merged(
    p.months,
    p.results.map((r) => r.months),
  );
  return {
    area: areaOf(p.area),
    from: p.from,
    to: p.to,
    keys: ReportKey.options.filter((k) => figures[k] !== undefined),
    figures,
    children: p.children.map((c, i) => ({ area: areaOf(c), values: childValues[i]! })),
    months: p.months.map((month, i) => ({ month, values: monthValues[i]! })),
  };
}
