import { OverdueList } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  type AreaRow,
  TEST_PASSWORD,
  type Tree,
  buildArea,
  buildCommunityTree,
  buildUser,
  signIn,
  useTestApp,
} from '../../testing/index.js';
import { visitSummaries } from './summaries.js';
import { daysAgo, insertHousehold, insertPastVisit, today } from './test-data.js';

const ctx = useTestApp();
const as = async (role: Parameters<typeof buildUser>[1], areaId: string) => {
  const u = await buildUser(ctx.t.db, role, { areaId });
  return { agent: await signIn(ctx.app, u.username, TEST_PASSWORD), user: u };
};
const overdue = async (agent: Agent, query = '') => {
  const res = await agent.get(`/api/visits/overdue${query}`);
  expect(res.statusCode).toBe(200);
  return OverdueList.parse(res.json());
};

describe('overdue visits', () => {
  let A: Tree;
  let grid2: AreaRow;
  let building2: AreaRow;
  let staff: Awaited<ReturnType<typeof as>>;
  let worker: Awaited<ReturnType<typeof as>>;
  const h: Record<string, string> = {};
  beforeAll(async () => {
    const db = ctx.t.db;
    A = await buildCommunityTree(db);
    const B = await buildCommunityTree(db, A.street);
    grid2 = await buildArea(db, 'grid', A.community, { name: '二网格' });
    building2 = await buildArea(db, 'building', A.compound, { gridId: grid2.id });
    staff = await as('community_staff', A.community.id);
    worker = await as('grid_worker', A.grid.id);
    await as('grid_worker', grid2.id);
    const visitor = staff.user.id;
    h.alone = await insertHousehold(db, A.building, { tags: ['elderly_alone'], registeredDaysAgo: 30 });
    h.members = await insertHousehold(db, A.building, {
      registeredDaysAgo: 400,
      members: [{ tags: ['disabled'] }, { tags: ['empty_nest', 'vip'] }],
    });
    await insertPastVisit(db, A.building, h.members, visitor, daysAgo(20));
    await insertPastVisit(db, A.building, h.members, visitor, daysAgo(60));
    h.leftMember = await insertHousehold(db, A.building, {
      tags: ['entitled'],
      registeredDaysAgo: 100,
      members: [{}, { tags: ['key_care'], status: 'moved_out' }],
    });
    h.fresh = await insertHousehold(db, A.building, { tags: ['key_care'], registeredDaysAgo: 50 });
    await insertPastVisit(db, A.building, h.fresh, visitor, daysAgo(1));
    h.untagged = await insertHousehold(db, A.building, { registeredDaysAgo: 1000, members: [{ tags: ['vip'] }] });
    h.both = await insertHousehold(db, A.building, { tags: ['disabled'], members: [{ tags: ['elderly_alone'] }], registeredDaysAgo: 40 });
    h.grid2 = await insertHousehold(db, building2, { tags: ['key_care'], registeredDaysAgo: 365 });
    await insertPastVisit(db, building2, h.grid2, visitor, daysAgo(10));
    h.gone = await insertHousehold(db, A.building, { tags: ['key_care'], registeredDaysAgo: 365, status: 'moved_out' });
    h.foreign = await insertHousehold(db, B.building, { tags: ['key_care'], registeredDaysAgo: 365 });
  });

  it('community_staff: can list the overdue households of their community, never visited first (due since registration), then most overdue', async () => {
    const list = await overdue(staff.agent);
    const rows = list.items.map((i) => [i.household.id, i.daysOverdue, i.everyDays, i.reasonTags]);
    expect(rows).toEqual([
      [h.leftMember, 100, 90, ['entitled']],
      [h.both, 40, 7, ['elderly_alone', 'disabled']],
      [h.alone, 30, 7, ['elderly_alone']],
      [h.members, 6, 14, ['empty_nest']],
      [h.grid2, 3, 7, ['key_care']],
    ]);
    expect(list.total).toBe(5);
    expect(list.items[2]).toMatchObject({ lastVisitOn: null, dueOn: daysAgo(30) });
    expect(list.items[3]).toMatchObject({ lastVisitOn: daysAgo(20), dueOn: daysAgo(6) });
    expect(list.items[2]!.household).toMatchObject({ tags: ['elderly_alone'], memberCount: 1, address: { gridId: A.grid.id } });
    expect(list.items[2]!.household.headName).toMatch(/^张/);
  });

  it('adds the households due within dueWithinDays: tagged today and never visited is due today', async () => {
    const newcomer = await insertHousehold(ctx.t.db, A.building, { tags: ['elderly_alone'], registeredDaysAgo: 0 });
    expect((await overdue(staff.agent)).items.map((i) => i.household.id)).not.toContain(newcomer);
    const today1 = await overdue(staff.agent, '?dueWithinDays=1&pageSize=50');
    expect(today1.items.slice(0, 4).map((i) => i.household.id)).toEqual([h.leftMember, h.both, h.alone, newcomer]);
    expect(today1.items[3]).toMatchObject({ daysOverdue: 0, dueOn: today(), lastVisitOn: null, reasonTags: [] });
    expect(today1.items.map((i) => i.household.id)).not.toContain(h.fresh);
    const week = await overdue(staff.agent, '?dueWithinDays=7&pageSize=50');
    expect(week.items.find((i) => i.household.id === h.fresh)).toMatchObject({ dueOn: daysAgo(-6), daysOverdue: 0 });
    const bad = await staff.agent.get('/api/visits/overdue?dueWithinDays=99');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('dueWithinDays');
    await ctx.t.pool.query("UPDATE households SET status = 'moved_out' WHERE id = $1", [newcomer]);
  });

  it('names the grid workers responsible and counts overdue households per grid', async () => {
    const list = await overdue(staff.agent);
    expect(list.items[0]!.gridWorkers).toEqual([{ id: worker.user.id, name: worker.user.displayName }]);
    expect(list.items[4]!.gridWorkers).toHaveLength(1);
    expect(list.items[4]!.gridWorkers[0]!.id).not.toBe(worker.user.id);
    expect(list.byGrid).toEqual([
      { gridId: A.grid.id, gridName: A.grid.name, count: 4 },
      { gridId: grid2.id, gridName: '二网格', count: 1 },
    ]);
  });

  it('agrees with the household summaries on every due date', async () => {
    const list = await overdue(staff.agent);
    const summaries = await visitSummaries(
      ctx.t.db,
      list.items.map((i) => i.household.id),
    );
    for (const item of list.items)
      expect(summaries.get(item.household.id)).toMatchObject({ nextVisitDue: item.dueOn, everyDays: item.everyDays });
  });

  it('pages through the list', async () => {
    const page2 = await overdue(staff.agent, '?page=2&pageSize=2');
    expect(page2.items.map((i) => i.household.id)).toEqual([h.alone, h.members]);
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.byGrid.map((g) => g.count)).toEqual([4, 1]);
  });

  it('filters by an area: a grid, a building', async () => {
    expect((await overdue(staff.agent, `?areaId=${grid2.id}`)).items.map((i) => i.household.id)).toEqual([h.grid2]);
    expect((await overdue(staff.agent, `?areaId=${A.building.id}`)).total).toBe(4);
    expect((await staff.agent.get('/api/visits/overdue?areaId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it("grid_worker: can list their own grid's overdue households only", async () => {
    const list = await overdue(worker.agent);
    expect(list.items.map((i) => i.household.id)).toEqual([h.leftMember, h.both, h.alone, h.members]);
    expect((await overdue(worker.agent, `?areaId=${A.community.id}`)).total).toBe(4);
    expect((await worker.agent.get(`/api/visits/overdue?areaId=${grid2.id}`)).statusCode).toBe(404);
  });

  it('street_supervisor: can list every community of their street', async () => {
    const sup = await as('street_supervisor', A.street.id);
    const ids = (await overdue(sup.agent, '?pageSize=50')).items.map((i) => i.household.id);
    expect(ids).toContain(h.foreign);
    expect(ids).toHaveLength(6);
  });

  it('drops a household from the list once it is visited', async () => {
    const res = await worker.agent.post(`/api/households/${h.alone}/visits`, { visitedOn: today() });
    expect(res.statusCode).toBe(201);
    expect((await overdue(worker.agent)).items.map((i) => i.household.id)).not.toContain(h.alone);
  });
});
