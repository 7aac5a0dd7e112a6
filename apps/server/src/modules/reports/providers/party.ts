import type { ReportValues } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { partyMembers, partyOrgs } from '../../../db/schema/index.js';
import { childOf, inArea } from './columns.js';
import { type ProviderResult, type ReportProvider, addValue } from './types.js';

type Row = { k: 'b' | 'm'; g: string | null; n: number };

/**
 * 党建: branches and active members registered here (in-service members reporting from elsewhere count apart in
 * the party module, as the seeds' "195 members" do). Members count at their organisation's area.
 */
export const partyProvider: ReportProvider = {
  module: 'party',
  keys: ['partyBranches', 'partyMembers'],
  async collect(db, t): Promise<ProviderResult> {
    const { rows } = await db.execute<Row>(sql`
      SELECT 'b' AS k, ${childOf(partyOrgs, t)} AS g, count(*)::int AS n FROM ${partyOrgs}
      WHERE ${inArea(partyOrgs, t)} AND ${partyOrgs.kind} = 'branch' GROUP BY 2
      UNION ALL
      SELECT 'm', ${childOf(partyOrgs, t)}, count(*)::int FROM ${partyMembers} JOIN ${partyOrgs} ON ${partyOrgs.id} = ${partyMembers.orgId}
      WHERE ${inArea(partyOrgs, t)} AND ${partyMembers.status} = 'active' AND ${partyMembers.registration} = 'local' GROUP BY 2`);
    const children = new Map<string, ReportValues>();
    const sum = { partyBranches: 0, partyMembers: 0 };
    for (const r of rows) {
      const key = r.k === 'b' ? 'partyBranches' : 'partyMembers';
      sum[key] += r.n;
      addValue(children, r.g, key, r.n);
    }
    const figures = { partyBranches: { value: sum.partyBranches }, partyMembers: { value: sum.partyMembers } };
    return { figures, children, months: new Map() };
  },
};
