import { DISPUTE_KIND_LABELS, DisputeKind, type ReportValues } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { mediationCases } from '../../../db/schema/index.js';
import { childOf, hasLevel, inArea } from './columns.js';
import { type ProviderResult, type ReportProvider, addValue } from './types.js';

type Row = { g: string | null; m: string; kind: DisputeKind; n: number };

/**
 * 矛盾纠纷调解: disputes taken up for mediation in the period (withdrawn ones left out), by kind. Cases belong to a
 * community: a grid's report leaves the figure out, a community's has no per-grid split.
 */
export const mediationProvider: ReportProvider = {
  module: 'mediation',
  keys: ['mediations'],
  async collect(db, t): Promise<ProviderResult> {
    const children = new Map<string, ReportValues>();
    const months = new Map<string, ReportValues>();
    if (!hasLevel(mediationCases, t.level)) return { figures: {}, children, months };
    const { rows } = await db.execute<Row>(sql`
      SELECT ${childOf(mediationCases, t)} AS g, to_char(${mediationCases.openedAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m,
        ${mediationCases.kind} AS kind, count(*)::int AS n
      FROM ${mediationCases}
      WHERE ${inArea(mediationCases, t)} AND ${mediationCases.status} <> 'withdrawn'
        AND ${mediationCases.openedAt} >= ${t.start.toISOString()} AND ${mediationCases.openedAt} < ${t.end.toISOString()}
      GROUP BY 1, 2, 3`);
    const byKind = new Map<DisputeKind, number>();
    for (const r of rows) {
      byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.n);
      addValue(children, r.g, 'mediations', r.n);
      addValue(months, r.m, 'mediations', r.n);
    }
    const by = DisputeKind.options.map((k) => ({ key: k, name: DISPUTE_KIND_LABELS[k][t.locale], value: byKind.get(k) ?? 0 }));
    const value = by.reduce((s, x) => s + x.value, 0);
    return { figures: { mediations: { value, by } }, children, months };
  },
};
