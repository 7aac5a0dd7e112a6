import { ErrorBody, VisitDto, VisitListDto } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import {
  type Agent,
  TEST_PASSWORD,
  type Tree,
  buildArea,
  buildCommunityTree,
  buildOrg,
  buildUser,
  signIn,
  useTestApp,
} from '../../testing/index.js';
import { daysAgo, insertHousehold, today } from './test-data.js';
import { addDays } from '@linli/contracts';

const ctx = useTestApp();
const as = async (role: Parameters<typeof buildUser>[1], scope: { areaId?: string; orgId?: string }) => {
  const u = await buildUser(ctx.t.db, role, scope);
  return { agent: await signIn(ctx.app, u.username, TEST_PASSWORD), user: u };
};
const visitsOf = async (agent: Agent, id: string) => {
  const res = await agent.get(`/api/households/${id}/visits`);
  expect(res.statusCode).toBe(200);
  return VisitListDto.parse(res.json());
};
const issues = (res: { json: () => unknown }) => ErrorBody.parse(res.json()).error.details?.issues;

describe('recording visits', () => {
  let A: Tree;
  let B: Tree;
  let worker: Awaited<ReturnType<typeof as>>;
  let household: string;
  let otherGridHousehold: string;
  let foreign: string;
  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    B = await buildCommunityTree(ctx.t.db, A.street);
    const grid2 = await buildArea(ctx.t.db, 'grid', A.community);
    const building2 = await buildArea(ctx.t.db, 'building', A.compound, { gridId: grid2.id });
    household = await insertHousehold(ctx.t.db, A.building, { tags: ['empty_nest'], registeredDaysAgo: 3 });
    otherGridHousehold = await insertHousehold(ctx.t.db, building2, { tags: ['key_care'] });
    foreign = await insertHousehold(ctx.t.db, B.building, { tags: ['key_care'] });
    worker = await as('grid_worker', { areaId: A.grid.id });
  });

  it('grid_worker: can record a visit on their grid, with needs that start open', async () => {
    const res = await worker.agent.post(`/api/households/${household}/visits`, {
      visitedOn: daysAgo(1),
      kind: 'phone',
      notes: '  老人身体尚可，需要助餐  ',
      needs: ['助餐', ' 修水龙头 '],
    });
    expect(res.statusCode).toBe(201);
    const visit = VisitDto.parse(res.json());
    expect(visit).toMatchObject({
      householdId: household,
      visitedOn: daysAgo(1),
      kind: 'phone',
      notes: '老人身体尚可，需要助餐',
      visitor: { id: worker.user.id, name: worker.user.displayName },
      needs: [
        { text: '助餐', status: 'open', orderId: null },
        { text: '修水龙头', status: 'open', orderId: null },
      ],
    });
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'visit.create'), eq(auditLog.entityId, visit.id)));
    expect(audit).toMatchObject({ actorId: worker.user.id, communityId: A.community.id, streetId: A.street.id });
    expect(audit!.details).toMatchObject({ householdId: household, needs: 2 });
  });

  it('lists visits newest first with the summary: last visit and next due date from the shortest interval', async () => {
    await worker.agent.post(`/api/households/${household}/visits`, { visitedOn: daysAgo(2), kind: 'home' });
    expect((await visitsOf(worker.agent, household)).summary.lastVisitOn).toBe(daysAgo(1));
    await worker.agent.post(`/api/households/${household}/visits`, { visitedOn: today(), notes: '入户' });
    const list = await visitsOf(worker.agent, household);
    expect(list.items.map((v) => v.visitedOn)).toEqual([today(), daysAgo(1), daysAgo(2)]);
    expect(list.items[0]).toMatchObject({ kind: 'home', needs: [] });
    expect(list.summary).toEqual({ lastVisitOn: today(), everyDays: 14, nextVisitDue: addDays(today(), 14) });
    expect(list.abilities).toEqual({ canRecord: true });
  });

  it('rejects a date in the future with a field-level message in the user language (400)', async () => {
    const future = addDays(today(), 1);
    const zh = await worker.agent.post(`/api/households/${household}/visits`, { visitedOn: future });
    expect(zh.statusCode).toBe(400);
    expect(issues(zh)).toEqual([{ path: 'visitedOn', message: '走访日期不能晚于今天' }]);
    const en = await worker.agent.request({
      method: 'POST',
      url: `/api/households/${household}/visits`,
      payload: { visitedOn: future },
      headers: { 'x-linli-locale': 'en' },
    });
    expect(issues(en)).toEqual([{ path: 'visitedOn', message: 'The visit date cannot be in the future' }]);
    const badKind = await worker.agent.post(`/api/households/${household}/visits`, { visitedOn: today(), kind: 'letter' });
    expect(badKind.statusCode).toBe(400);
    expect(issues(badKind)?.map((i) => i.path)).toEqual(['kind']);
    expect((await visitsOf(worker.agent, household)).items).toHaveLength(3);
  });

  it('answers 404 for an unknown household', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await worker.agent.post(`/api/households/${id}/visits`, { visitedOn: today() })).statusCode).toBe(404);
    expect((await worker.agent.get(`/api/households/${id}/visits`)).statusCode).toBe(404);
  });

  it("grid_worker: cannot see or record visits on another grid's household (404)", async () => {
    expect((await worker.agent.get(`/api/households/${otherGridHousehold}/visits`)).statusCode).toBe(404);
    expect((await worker.agent.post(`/api/households/${otherGridHousehold}/visits`, { visitedOn: today() })).statusCode).toBe(404);
  });

  it("community_staff: cannot see or record visits on another community's household (404)", async () => {
    const staff = await as('community_staff', { areaId: A.community.id });
    expect((await staff.agent.post(`/api/households/${otherGridHousehold}/visits`, { visitedOn: today() })).statusCode).toBe(201);
    expect((await staff.agent.get(`/api/households/${foreign}/visits`)).statusCode).toBe(404);
    expect((await staff.agent.post(`/api/households/${foreign}/visits`, { visitedOn: today() })).statusCode).toBe(404);
  });

  it('building_leader: can record a visit in their own building', async () => {
    const leader = await as('building_leader', { areaId: A.building.id });
    const res = await leader.agent.post(`/api/households/${household}/visits`, { visitedOn: today(), kind: 'other' });
    expect(res.statusCode).toBe(201);
    expect((await leader.agent.get(`/api/households/${otherGridHousehold}/visits`)).statusCode).toBe(404);
  });

  it('street_supervisor: can read visits but cannot record one (403)', async () => {
    const sup = await as('street_supervisor', { areaId: A.street.id });
    const list = await visitsOf(sup.agent, household);
    expect(list.abilities.canRecord).toBe(false);
    expect((await sup.agent.post(`/api/households/${household}/visits`, { visitedOn: today() })).statusCode).toBe(403);
  });

  it('handler_staff and resident: cannot read or record visits (403)', async () => {
    const org = await buildOrg(ctx.t.db, A.community);
    const staff = await as('handler_staff', { orgId: org.id });
    const resident = await as('resident', { areaId: A.building.id });
    for (const { agent } of [staff, resident]) {
      expect((await agent.get(`/api/households/${household}/visits`)).statusCode).toBe(403);
      expect((await agent.post(`/api/households/${household}/visits`, { visitedOn: today() })).statusCode).toBe(403);
      expect((await agent.get('/api/visits/overdue')).statusCode).toBe(403);
    }
  });

  it('refuses a visit to a household that has moved out (409)', async () => {
    const gone = await insertHousehold(ctx.t.db, A.building, { status: 'moved_out' });
    const res = await worker.agent.post(`/api/households/${gone}/visits`, { visitedOn: today() });
    expect(res.statusCode).toBe(409);
    expect(ErrorBody.parse(res.json()).error.message).toBe('该户已迁出，不能再登记走访');
  });
});
