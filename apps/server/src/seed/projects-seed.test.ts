import { ProjectDto, ProjectListDto, WorkReportDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, TEST_PASSWORD, signIn, testPii, useTestApp } from '../testing/index.js';
import { seedDemo } from './index.js';
import { ANPING_PROJECTS } from './projects.js';

const NOW = new Date(Date.UTC(2025, 5, 1));
const ctx = useTestApp();
let staff: Agent;
let evaluator: Agent;

beforeAll(async () => {
  await seedDemo({ db: ctx.t.db, pii: testPii, password: TEST_PASSWORD, log: () => {}, now: NOW });
  staff = await signIn(ctx.app, 'anping-staff', TEST_PASSWORD);
  evaluator = await signIn(ctx.app, 'evaluator', TEST_PASSWORD);
}, 180_000);

/** Orders of the named services placed in Anping inside the project's period (China time), counted straight from the table. */
async function ordersOf(projectId: string) {
  const { rows } = await ctx.t.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM orders o JOIN services s ON s.id = o.service_id, service_projects p
     WHERE p.id = $1 AND o.community_id = p.community_id AND s.name = ANY($2)
       AND (o.placed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN p.starts_on AND p.ends_on`,
    [projectId, ANPING_PROJECTS.find((p) => p.title === titleOf(projectId))!.services],
  );
  return rows[0]!.n;
}
const titles = new Map<string, string>();
const titleOf = (id: string) => titles.get(id)!;

describe('demo service projects of Anping', () => {
  it('anping-staff: sees the two purchased projects with milestones partly done and KPIs counted from the demo’s orders and activities', async () => {
    const list = ProjectListDto.parse((await staff.get('/api/projects')).json()).items;
    expect(list.map((p) => p.title).sort()).toEqual(ANPING_PROJECTS.map((p) => p.title).sort());
    for (const p of list) titles.set(p.id, p.title);
    const meal = ProjectDto.parse((await staff.get(`/api/projects/${list.find((p) => p.category === 'benefit')!.id}`)).json());
    expect(meal.progress).toMatchObject({ milestonesDone: 3, milestones: 4 });
    const kpi = (source: string) => meal.kpis.find((k) => k.source === source)!.actual;
    const mealOrders = await ordersOf(meal.id);
    expect(mealOrders).toBeGreaterThan(0);
    expect([kpi('orders'), kpi('activities'), kpi('manual')]).toEqual([mealOrders, 36, 168]);
    expect(meal.evidence.map((e) => e.title)).toContain('助餐点运营月报');
    expect(meal.result).toEqual({ score: 91.7, grade: 'excellent', evaluations: 1 });
    const legal = ProjectDto.parse((await staff.get(`/api/projects/${list.find((p) => p.category === 'purchase')!.id}`)).json());
    expect(legal.provider.name).toBe('和顺社会工作服务社');
    expect([legal.progress.milestonesDone, legal.result, legal.assigned[0]?.submitted]).toEqual([2, null, false]);
    expect(legal.kpis.find((k) => k.source === 'orders')!.actual).toBe(await ordersOf(legal.id));
  });

  it('evaluator: sees the two projects assigned, one scored and one awaiting evaluation', async () => {
    const list = ProjectListDto.parse((await evaluator.get('/api/projects')).json()).items;
    expect(list.map((p) => [p.category, p.submitted, p.result?.grade ?? null]).sort()).toEqual([
      ['benefit', 1, 'excellent'],
      ['purchase', 0, null],
    ]);
    const legal = ProjectDto.parse((await evaluator.get(`/api/projects/${list.find((p) => p.category === 'purchase')!.id}`)).json());
    expect(legal.abilities).toEqual(['evaluate']);
    const lvyang = await signIn(ctx.app, 'lvyang-staff', TEST_PASSWORD);
    expect((await lvyang.get(`/api/projects/${legal.id}`)).statusCode).toBe(404);
  });

  it('street: the year’s work report for Anping counts the two projects and the evaluated one’s score', async () => {
    const street = await signIn(ctx.app, 'street', TEST_PASSWORD);
    const res = await street.get('/api/reports/work?area=321003001001&to=2025-06-01');
    expect(res.statusCode, res.body).toBe(200);
    const f = WorkReportDto.parse(res.json()).figures.projects!;
    expect(f.value).toBe(2);
    expect(f.by?.map((s) => [s.key, s.value])).toEqual([
      ['benefit', 1],
      ['purchase', 1],
      ['evaluated', 1],
      ['averageScore', 91.7],
    ]);
  });
});
