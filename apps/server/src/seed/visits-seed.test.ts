import { OverdueList, VisitListDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, TEST_PASSWORD, signIn, testPii, useTestApp } from '../testing/index.js';
import { seedDemo } from './index.js';

const ctx = useTestApp();
let grid: Agent;
let staff: Agent;

const count = async (query: string) => (await ctx.t.pool.query<{ n: number }>(query)).rows[0]!.n;
const overdue = async (agent: Agent, query: string) => {
  const res = await agent.get(`/api/visits/overdue${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return OverdueList.parse(res.json());
};

beforeAll(async () => {
  await seedDemo({ db: ctx.t.db, pii: testPii, password: TEST_PASSWORD, log: () => {} });
  grid = await signIn(ctx.app, 'lvyang-grid', TEST_PASSWORD);
  staff = await signIn(ctx.app, 'lvyang-staff', TEST_PASSWORD);
}, 180_000);

describe('the demo visiting history', () => {
  it('seeds the same visits every time, with one last-visit row per visited household that agrees with its visits', async () => {
    expect(await count('SELECT count(*)::int AS n FROM visits')).toBe(DEMO_VISITS);
    expect(await count('SELECT count(*)::int AS n FROM household_last_visits')).toBe(DEMO_VISITED_HOUSEHOLDS);
    expect(
      await count(`SELECT count(*)::int AS n FROM household_last_visits l
        JOIN (SELECT household_id, max(visited_on) AS last FROM visits GROUP BY 1) v USING (household_id) WHERE v.last = l.last_visited_on`),
    ).toBe(DEMO_VISITED_HOUSEHOLDS);
    expect(await count("SELECT count(*)::int AS n FROM visits WHERE visited_on > (now() AT TIME ZONE 'Asia/Shanghai')::date")).toBe(0);
  });

  it("lvyang-grid: finds overdue households in their grid, and the never-visited 独居老人 first among today's visits", async () => {
    const late = await overdue(grid, '?pageSize=100');
    expect(late.total).toBe(LVYANG_GRID_OVERDUE);
    expect(late.items.every((i) => i.lastVisitOn !== null && i.daysOverdue > 0)).toBe(true);
    const today = await overdue(grid, '?dueWithinDays=1&pageSize=100');
    expect(today.total).toBe(LVYANG_GRID_OVERDUE + LVYANG_GRID_NEVER_VISITED);
    const never = today.items.filter((i) => i.lastVisitOn === null);
    expect(never).toHaveLength(LVYANG_GRID_NEVER_VISITED);
    expect(today.items.slice(0, never.length)).toEqual(never);
    expect(never.some((i) => i.household.tags.includes('elderly_alone'))).toBe(true);
  });

  it("lvyang-staff: reads a visited household's history, visited by the community's own people", async () => {
    const late = await overdue(staff, '?pageSize=1');
    const history = VisitListDto.parse((await staff.get(`/api/households/${late.items[0]!.household.id}/visits`)).json());
    expect(history.items.length).toBeGreaterThan(0);
    expect(history.summary.lastVisitOn).toBe(history.items[0]!.visitedOn);
    expect(['刘洋', '陈静']).toContain(history.items[0]!.visitor.name);
  });
});

/** The demo's figures (seed 20240601): counted once from the generator and kept here so a change shows. */
const DEMO_VISITS = 6804;
const DEMO_VISITED_HOUSEHOLDS = 2789;
const LVYANG_GRID_OVERDUE = 12;
const LVYANG_GRID_NEVER_VISITED = 6;
