import type { ReportValues } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/pool.js';
import { households, residents, visits } from '../../../db/schema/index.js';
import { intervalRules } from '../../visits/intervals.js';
import { OVERDUE_CONTACT_ROLES } from '../../visits/policy.js';
import { loadTagSettings } from '../../visits/repo.js';
import { disableJit, overduePage } from '../../visits/repo-overdue.js';
import { childOf, inArea } from './columns.js';
import { type ProviderResult, type ReportProvider, type ReportTarget, addValue } from './types.js';

type Row = { g: string | null; m: string; n: number };

/** Visits made in the period, per child area and month (visits_community_visited_idx serves a community). */
function doneSql(t: ReportTarget) {
  return sql`
    SELECT ${childOf(visits, t)} AS g, to_char(${visits.visitedOn}, 'YYYY-MM') AS m, count(*)::int AS n
    FROM ${visits}
    WHERE ${inArea(visits, t)} AND ${visits.visitedOn} >= ${t.from}::date AND ${visits.visitedOn} <= ${t.to}::date
    GROUP BY 1, 2`;
}

/** Households whose visit is overdue on the report's day, by the visits module's own rules and query. */
async function overdue(db: Db, t: ReportTarget) {
  const rules = intervalRules(await loadTagSettings(db));
  return db.transaction(async (tx) => {
    await disableJit(tx);
    return overduePage(tx, {
      households: inArea(households, t),
      residents: inArea(residents, t),
      rules,
      today: t.asOf,
      limit: 0,
      offset: 0,
      contactRoles: OVERDUE_CONTACT_ROLES,
    });
  });
}

/** 走访: visits done in the period and households overdue for one. */
export const visitsProvider: ReportProvider = {
  module: 'visits',
  keys: ['visitsDone', 'visitsOverdue'],
  async collect(db, t): Promise<ProviderResult> {
    const [{ rows }, late] = await Promise.all([db.execute<Row>(doneSql(t)), overdue(db, t)]);
    const children = new Map<string, ReportValues>();
    const months = new Map<string, ReportValues>();
    let done = 0;
    for (const r of rows) {
      done += r.n;
      addValue(children, r.g, 'visitsDone', r.n);
      addValue(months, r.m, 'visitsDone', r.n);
    }
    if (t.childLevel === 'gridId') for (const g of late.byGrid) addValue(children, g.gridId, 'visitsOverdue', g.count);
    return { figures: { visitsDone: { value: done }, visitsOverdue: { value: late.total } }, children, months };
  },
};
