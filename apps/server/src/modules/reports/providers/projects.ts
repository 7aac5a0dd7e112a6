import { PROJECT_CATEGORY_LABELS, ProjectCategory, type ReportSlice, type ReportValues, text } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/pool.js';
import { projectEvaluations, serviceProjects } from '../../../db/schema/index.js';
import { childOf, hasLevel, inArea } from './columns.js';
import { type ProviderResult, type ReportProvider, type ReportTarget, addValue } from './types.js';

type Row = { category: ProjectCategory; g: string | null; m: string; score: number | null };

const LABELS = { evaluated: text('已评估', 'Evaluated'), averageScore: text('平均评估得分', 'Average evaluation score') };

/** Projects running at some point of the period, each with the mean of its live evaluations (null before any). */
async function running(db: Db, t: ReportTarget) {
  const p = serviceProjects;
  const { rows } = await db.execute<Row>(sql`
    SELECT ${p.category} AS category, ${childOf(p, t)} AS g, to_char(greatest(${p.startsOn}, ${t.from}::date), 'YYYY-MM') AS m,
      (SELECT avg(${projectEvaluations.total})::float8 FROM ${projectEvaluations}
        WHERE ${projectEvaluations.projectId} = ${p.id} AND ${projectEvaluations.supersededAt} IS NULL) AS score
    FROM ${p}
    WHERE ${inArea(p, t)} AND ${p.startsOn} <= ${t.to}::date AND ${p.endsOn} >= ${t.from}::date`);
  return rows;
}

/**
 * 政府购买服务: the service projects running in the period, by category, with how many were evaluated and their
 * average score; per child area the projects it bought, per month those that started (or were running when it began).
 */
export const projectsProvider: ReportProvider = {
  module: 'projects',
  keys: ['projects'],
  async collect(db, t): Promise<ProviderResult> {
    const children = new Map<string, ReportValues>();
    const months = new Map<string, ReportValues>();
    if (!hasLevel(serviceProjects, t.level)) return { figures: {}, children, months };
    const rows = await running(db, t);
    for (const r of rows) {
      addValue(children, r.g, 'projects', 1);
      addValue(months, r.m, 'projects', 1);
    }
    const scored = rows.flatMap((r) => (r.score === null ? [] : [r.score]));
    const average = scored.length ? Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 10) / 10 : 0;
    const by: ReportSlice[] = [
      ...ProjectCategory.options.map((c) => ({
        key: c,
        name: PROJECT_CATEGORY_LABELS[c][t.locale],
        value: rows.filter((r) => r.category === c).length,
      })),
      { key: 'evaluated', name: LABELS.evaluated[t.locale], value: scored.length },
      { key: 'averageScore', name: LABELS.averageScore[t.locale], value: average },
    ];
    return { figures: { projects: { value: rows.length, by } }, children, months };
  },
};
