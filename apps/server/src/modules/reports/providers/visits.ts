import type { ReportValues } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/pool.js';
import { type OverdueCounts, readOverdue } from '../../figures/registry-rollup-read.js';
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

/** Households whose visit is overdue on the report's day, by the visits module's own rules and query (every household). */
function overdueScan(t: ReportTarget) {
  return async (tx: Tx): Promise<OverdueCounts> => {
    const rules = intervalRules(await loadTagSettings(tx));
    await disableJit(tx);
    const page = await overduePage(tx, {
      households: inArea(households, t),
      residents: inArea(residents, t),
      rules,
      today: t.asOf,
      limit: 0,
      offset: 0,
      contactRoles: OVERDUE_CONTACT_ROLES,
    });
    return { total: page.total, byGrid: page.byGrid };
  };
}

/** 走访: visits done in the period and households overdue for one. */
export const visitsProvider: ReportProvider = {
  module: 'visits',
  keys: ['visitsDone', 'visitsOverdue'],
  collect: (db, t) => collectVisits(db, t),
};

/** Visits done and overdue: overdue from the due-day rollups (modules/figures), or with `scan` from the registry. */
export async function collectVisits(db: Db, t: ReportTarget, read: 'rollup' | 'scan' = 'rollup'): Promise<ProviderResult> {
  const late = read === 'rollup' ? readOverdue(db, t, overdueScan(t)) : db.transaction(overdueScan(t));
  const [{ rows }, overdue] = await Promise.all([db.execute<Row>(doneSql(t)), late]);
  const children = new Map<string, ReportValues>();
  const months = new Map<string, ReportValues>();
  let done = 0;
  for (const r of rows) {
    done += r.n;
    addValue(children, r.g, 'visitsDone', r.n);
    addValue(months, r.m, 'visitsDone', r.n);
  }
  if (t.childLevel === 'gridId') for (const g of overdue.byGrid) addValue(children, g.gridId, 'visitsOverdue', g.count);
  return { figures: { visitsDone: { value: done }, visitsOverdue: { value: overdue.total } }, children, months };
}
