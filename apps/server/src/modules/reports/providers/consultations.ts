import { VOTE_TOPIC_LABELS, VoteTopicKind, type ReportValues } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { consultations } from '../../../db/schema/index.js';
import { childOf, hasLevel, inArea } from './columns.js';
import { type ProviderResult, type ReportProvider, addValue } from './types.js';

type Row = { g: string | null; m: string; kind: VoteTopicKind; n: number };

/**
 * 议事协商: consultations whose voting closed in the period, by topic. They belong to a community (and a compound or
 * building): a grid's report leaves the figure out.
 */
export const consultationsProvider: ReportProvider = {
  module: 'consultations',
  keys: ['consultations'],
  async collect(db, t): Promise<ProviderResult> {
    const children = new Map<string, ReportValues>();
    const months = new Map<string, ReportValues>();
    if (!hasLevel(consultations, t.level)) return { figures: {}, children, months };
    const { rows } = await db.execute<Row>(sql`
      SELECT ${childOf(consultations, t)} AS g, to_char(${consultations.closesAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m,
        ${consultations.kind} AS kind, count(*)::int AS n
      FROM ${consultations}
      WHERE ${inArea(consultations, t)}
        AND ${consultations.closesAt} >= ${t.start.toISOString()} AND ${consultations.closesAt} < ${t.end.toISOString()}
      GROUP BY 1, 2, 3`);
    const byKind = new Map<string, number>();
    for (const r of rows) {
      byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.n);
      addValue(children, r.g, 'consultations', r.n);
      addValue(months, r.m, 'consultations', r.n);
    }
    const by = VoteTopicKind.options.map((k) => ({ key: k, name: VOTE_TOPIC_LABELS[k][t.locale], value: byKind.get(k) ?? 0 }));
    return { figures: { consultations: { value: by.reduce((s, x) => s + x.value, 0), by } }, children, months };
  },
};
