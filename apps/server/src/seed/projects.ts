import { type CreateProjectInput, DEFAULT_SCORECARD, addDays, localDate, weightedScore } from '@linli/contracts';
import type { Tx } from '../db/pool.js';
import {
  type activities,
  handlerOrgs,
  projectEvaluations,
  projectEvaluators,
  projectEvidence,
  projectKpis,
  projectLinks,
  projectMilestones,
  serviceProjects,
  type services,
} from '../db/schema/index.js';
import type { SeedAreas } from './areas.js';
import type { HandlerOrgInsert } from './orgs.js';
import { insertBatches } from './rows.js';
import type { Rng } from './rng.js';

type Kpi = Pick<CreateProjectInput['kpis'][number], 'name' | 'unit' | 'target' | 'source'> & { manualValue?: number };
type Plan = {
  title: string;
  category: CreateProjectInput['category'];
  contractNo: string;
  provider: string;
  budgetCents: number;
  description: string;
  /** days from the seeding day */
  start: number;
  end: number;
  /** title, due (days after the start), done (days after the start, or null) */
  milestones: [string, number, number | null][];
  kpis: Kpi[];
  /** the services whose orders in Anping count, and how many of Anping's volunteer-service activities are linked */
  services: string[];
  activities: number;
  notes: [string, string][];
  /** the demo evaluator's scores, criterion by criterion (none: awaiting evaluation) */
  scores: number[] | null;
};

export const MEDIATION_ORG = '和顺社会工作服务社';

/** Anping's two purchased projects: the elderly meal aid (evaluated) and legal aid with mediation (awaiting evaluation). */
export const ANPING_PROJECTS: readonly Plan[] = [
  {
    title: '安平社区长者助餐惠民实事项目',
    category: 'benefit',
    contractNo: 'ZX-HM-2024-017',
    provider: '乐龄社会工作服务中心',
    budgetCents: 38_000_000,
    description: '在安平社区设立长者助餐点，为 60 岁以上老人提供午餐助餐、送餐上门，并组织志愿者开展关爱活动。',
    start: -300,
    end: 65,
    milestones: [
      ['签订合同并进场', 10, 8],
      ['助餐点投入运营', 45, 40],
      ['中期评估', 180, 182],
      ['结项验收', 360, null],
    ],
    kpis: [
      { name: '助餐服务工单', unit: '单', target: 450, source: 'orders' },
      { name: '志愿关爱活动', unit: '场', target: 40, source: 'activities' },
      { name: '满意度问卷', unit: '份', target: 200, source: 'manual', manualValue: 168 },
    ],
    services: ['助餐'],
    activities: 36,
    notes: [
      ['助餐点运营月报', '每月汇总就餐人次、送餐上门次数与食品留样记录。'],
      ['中期评估整改说明', '根据中期评估意见增加了两条送餐线路。'],
    ],
    scores: [94, 90, 92, 88],
  },
  {
    title: '安平社区法律援助与矛盾调解服务项目',
    category: 'purchase',
    contractNo: 'ZX-GM-2024-032',
    provider: MEDIATION_ORG,
    budgetCents: 16_500_000,
    description: '购买专业社会组织服务，开展法律咨询、邻里纠纷调解与普法宣传。',
    start: -200,
    end: 165,
    milestones: [
      ['签订合同', 7, 5],
      ['设立法律服务站', 30, 28],
      ['中期评估', 180, null],
      ['结项验收', 360, null],
    ],
    kpis: [
      { name: '法律咨询与纠纷工单', unit: '单', target: 260, source: 'orders' },
      { name: '普法宣传活动', unit: '场', target: 12, source: 'activities' },
      { name: '调解成功案件', unit: '件', target: 20, source: 'manual', manualValue: 9 },
    ],
    services: ['法律咨询', '邻里纠纷'],
    activities: 6,
    notes: [['法律服务站值班表', '每周二、四下午律师坐班。']],
    scores: null,
  },
];

type Rows = {
  orgs: HandlerOrgInsert[];
  projects: (typeof serviceProjects.$inferInsert)[];
  milestones: (typeof projectMilestones.$inferInsert)[];
  kpis: (typeof projectKpis.$inferInsert)[];
  links: (typeof projectLinks.$inferInsert)[];
  evidence: (typeof projectEvidence.$inferInsert)[];
  evaluators: (typeof projectEvaluators.$inferInsert)[];
  evaluations: (typeof projectEvaluations.$inferInsert)[];
};

/** The demo's purchased service projects in Anping, their milestones, KPIs, linked records, evidence and evaluation. */
export function buildDemoProjects(input: {
  rng: Rng;
  now: Date;
  areas: SeedAreas;
  orgs: readonly HandlerOrgInsert[];
  users: readonly { id?: string; username: string }[];
  services: readonly (typeof services.$inferInsert)[];
  activities: readonly (typeof activities.$inferInsert)[];
}): Rows {
  const { rng, areas } = input;
  const anping = areas.communities[0]!.node;
  const today = localDate(input.now);
  const userId = (name: string) => input.users.find((u) => u.username === name)!.id!;
  const scope = { districtId: anping.districtId!, streetId: anping.streetId!, communityId: anping.id };
  const rows: Rows = { orgs: [], projects: [], milestones: [], kpis: [], links: [], evidence: [], evaluators: [], evaluations: [] };
  const mediationOrg: HandlerOrgInsert = { id: rng.uuid(), kind: 'social_org', name: MEDIATION_ORG, areaId: anping.id, ...scope };
  rows.orgs.push(mediationOrg);
  const orgs = [...input.orgs, mediationOrg];
  const served = input.activities
    .filter((a) => a.communityId === anping.id && a.kind === 'volunteer_service')
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  let nextActivity = 0;
  for (const plan of ANPING_PROJECTS) {
    const id = rng.uuid();
    const startsOn = addDays(today, plan.start);
    const endsOn = addDays(today, plan.end);
    rows.projects.push({
      id,
      ...scope,
      buyerAreaId: anping.id,
      providerOrgId: orgs.find((o) => o.name === plan.provider)!.id!,
      title: plan.title,
      category: plan.category,
      contractNo: plan.contractNo,
      startsOn,
      endsOn,
      budgetCents: plan.budgetCents,
      description: plan.description,
      scorecard: DEFAULT_SCORECARD,
    });
    plan.milestones.forEach(([title, due, done], position) =>
      rows.milestones.push({
        id: rng.uuid(),
        projectId: id,
        position,
        title,
        dueOn: addDays(startsOn, due),
        doneOn: done === null ? null : addDays(startsOn, done),
      }),
    );
    plan.kpis.forEach((k, position) =>
      rows.kpis.push({ id: rng.uuid(), projectId: id, position, ...k, manualValue: k.manualValue ?? null }),
    );
    for (const name of plan.services)
      rows.links.push({ projectId: id, kind: 'service', targetId: input.services.find((s) => s.name === name)!.id! });
    const inPeriod = served
      .slice(nextActivity)
      .filter((a) => localDate(a.startsAt) >= startsOn)
      .slice(0, plan.activities);
    nextActivity = served.indexOf(inPeriod.at(-1)!) + 1;
    for (const a of inPeriod) rows.links.push({ projectId: id, kind: 'activity', targetId: a.id! });
    plan.notes.forEach(([title, note], i) =>
      rows.evidence.push({
        id: rng.uuid(),
        projectId: id,
        title,
        note,
        createdBy: userId('anping-staff'),
        createdAt: new Date(`${addDays(startsOn, 30 + 60 * i)}T09:00:00+08:00`),
      }),
    );
    rows.evaluators.push({ projectId: id, userId: userId('evaluator') });
    if (plan.scores) {
      const scores = DEFAULT_SCORECARD.map((c, i) => ({ key: c.key, score: plan.scores![i]!, comment: '' }));
      rows.evaluations.push({
        id: rng.uuid(),
        projectId: id,
        evaluatorId: userId('evaluator'),
        scores,
        comment: '项目执行规范，助餐服务覆盖面广，建议进一步提高送餐时效。',
        total: weightedScore(DEFAULT_SCORECARD, Object.fromEntries(scores.map((s) => [s.key, s.score]))),
        submittedAt: new Date(`${addDays(startsOn, 190)}T15:00:00+08:00`),
      });
    }
  }
  return rows;
}

/** Inserts the projects' rows in dependency order. */
export async function insertDemoProjects(tx: Tx, rows: Rows, step: { label: string; log: (msg: string) => void }) {
  const at = (label: string) => ({ ...step, label: `${step.label}: ${label}` });
  await insertBatches(tx, handlerOrgs, rows.orgs, at('organisations'));
  await insertBatches(tx, serviceProjects, rows.projects, at('projects'));
  await insertBatches(tx, projectMilestones, rows.milestones, at('milestones'));
  await insertBatches(tx, projectKpis, rows.kpis, at('KPIs'));
  await insertBatches(tx, projectLinks, rows.links, at('links'));
  await insertBatches(tx, projectEvidence, rows.evidence, at('evidence'));
  await insertBatches(tx, projectEvaluators, rows.evaluators, at('evaluators'));
  await insertBatches(tx, projectEvaluations, rows.evaluations, at('evaluations'));
}
