import type { CreateProjectInput } from '@linli/contracts';
import { activities } from '../../db/schema/index.js';
import type { Db } from '../../db/pool.js';
import type { AreaRow } from '../../testing/index.js';

/** A project input for `buyerAreaId` and provider, running through 2025 with one KPI per source and three milestones. */
export function projectInput(buyerAreaId: string, providerOrgId: string, over: Partial<CreateProjectInput> = {}) {
  return {
    buyerAreaId,
    providerOrgId,
    title: '长者助餐服务项目',
    category: 'purchase',
    contractNo: `HT-${Math.random().toString(36).slice(2, 8)}`,
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    budgetCents: 12_000_000,
    description: '为辖区老人提供助餐服务',
    milestones: [
      { title: '签订合同', dueOn: '2025-01-15' },
      { title: '中期评估', dueOn: '2025-06-30' },
      { title: '结项验收', dueOn: '2025-12-20' },
    ],
    kpis: [
      { name: '开展活动', unit: '场', target: 4, source: 'activities' },
      { name: '服务工单', unit: '单', target: 4, source: 'orders' },
      { name: '助餐服务', unit: '次', target: 2, source: 'programme_sessions' },
      { name: '受益老人', unit: '人', target: 2, source: 'programme_beneficiaries' },
      { name: '满意度调查', unit: '份', target: 50, source: 'manual', manualValue: 20 },
    ],
    ...over,
  } satisfies Record<string, unknown>;
}

/** An activity of the community starting on `day` (China time). */
export async function buildActivity(db: Db, c: AreaRow, day: string, status: 'open' | 'held' | 'cancelled' = 'held') {
  const [row] = await db
    .insert(activities)
    .values({
      kind: 'volunteer_service',
      title: `活动 ${day}`,
      organiser: '社区',
      place: '活动中心',
      startsAt: new Date(`${day}T09:00:00+08:00`),
      endsAt: new Date(`${day}T11:00:00+08:00`),
      capacity: 20,
      checkinCode: `p-${day}-${Math.random().toString(36).slice(2, 6)}`,
      status,
      communityId: c.id,
      streetId: c.streetId!,
      districtId: c.districtId!,
    })
    .returning();
  return row!;
}
