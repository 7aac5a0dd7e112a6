import { DuplicateList, HandlerSuggestions } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArea, buildHousehold, buildOrg, buildService, useTestApp } from '../../testing/index.js';
import type { OrderRow } from './repo.js';
import { type ReadWorld, orderIn, readWorld } from './read-test-kit.js';
import { person } from './test-kit.js';

const h = useTestApp();
const LEAK = '厨房水管漏水，需要尽快维修';

describe('duplicates (并单 candidates)', () => {
  let w: ReadWorld;
  let subject: OrderRow;
  let sameBuilding: OrderRow;
  let nextBuilding: OrderRow;
  beforeAll(async () => {
    w = await readWorld(h);
    const building2 = await buildArea(h.t.db, 'building', w.A.compound, { gridId: w.A.grid.id });
    const other = await buildHousehold(h.t.db, building2);
    subject = await orderIn(h, w, { status: 'placed', description: '厨房水管漏水了，请派人维修' });
    sameBuilding = await orderIn(h, w, { status: 'dispatched', description: '厨房水管漏水严重' });
    nextBuilding = await orderIn(h, w, {
      status: 'in_progress',
      description: '厨房水管漏水，需要维修',
      buildingId: building2.id,
      residentId: other.members[0]!.id,
      householdId: other.id,
      flatId: other.flatId,
    });
    await orderIn(h, w, { status: 'handled', description: '厨房水管漏水，需要维修' });
    await orderIn(h, w, { status: 'placed', description: '楼道灯坏了，晚上看不见' });
    await orderIn(h, w, { status: 'placed', description: '厨房水管漏水，需要维修' }, w.B);
  });

  const intake = (agent: ReadWorld['desk'], query: Record<string, string>) =>
    agent.get(`/api/orders/duplicates?${new URLSearchParams({ serviceId: w.service.id, description: LEAK, ...query })}`);

  it("resident: can check their own home at intake: same building first, then similarity; neighbours' flats are not shown", async () => {
    const res = await intake(w.neighbour, {});
    expect(res.statusCode, res.body).toBe(200);
    const items = DuplicateList.parse(res.json()).items;
    expect(items.map((i) => i.sameBuilding)).toEqual([true, true, false]);
    expect(items.slice(0, 2).map((i) => i.id)).toEqual(expect.arrayContaining([subject.id, sameBuilding.id]));
    expect(items[2]!.id).toBe(nextBuilding.id);
    expect(items[0]!.similarity).toBeGreaterThanOrEqual(items[1]!.similarity);
    expect(items[1]!.similarity).toBeGreaterThanOrEqual(0.2);
    for (const i of items) expect(i.place).not.toContain('单元');
  });

  it('community_staff: can check a household of the community at intake and see the places', async () => {
    const res = await intake(w.desk, { householdId: w.household.id });
    expect(res.statusCode, res.body).toBe(200);
    const items = DuplicateList.parse(res.json()).items;
    expect(items).toHaveLength(3);
    expect(items[0]!.place).toContain('单元');
  });

  it('community_staff: finds nothing for different text or another service', async () => {
    const other = await buildService(h.t.db, w.A.street);
    const none1 = await intake(w.desk, { householdId: w.household.id, description: '想报名参加社区合唱团' });
    expect(DuplicateList.parse(none1.json()).items).toEqual([]);
    const none2 = await intake(w.desk, { householdId: w.household.id, serviceId: other.id });
    expect(DuplicateList.parse(none2.json()).items).toEqual([]);
  });

  it('community_staff: cannot check a household of another community at intake (404)', async () => {
    expect((await intake(w.deskB, { householdId: w.household.id })).statusCode).toBe(404);
    expect((await intake(w.deskB, { buildingId: w.A.building.id })).statusCode).toBe(404);
  });

  it("resident: cannot check someone else's household at intake (404)", async () => {
    expect((await intake(w.resident, { householdId: w.neighbourHousehold.id })).statusCode).toBe(404);
  });

  it('handler_staff: cannot check duplicates at intake (403)', async () => {
    expect((await intake(w.handler, { householdId: w.household.id })).statusCode).toBe(403);
  });

  it('community_staff: can list the duplicates of an order at dispatch, without the order itself', async () => {
    const res = await w.desk.get(`/api/orders/${subject.id}/duplicates`);
    expect(res.statusCode, res.body).toBe(200);
    const items = DuplicateList.parse(res.json()).items;
    expect(items.map((i) => i.id)).toEqual([sameBuilding.id, nextBuilding.id]);
  });

  it('handler_staff: cannot list duplicates of an order of their organisation (403)', async () => {
    const mine = await orderIn(h, w, { status: 'dispatched', handlerOrgId: w.org.id });
    expect((await w.handler.get(`/api/orders/${mine.id}/duplicates`)).statusCode).toBe(403);
  });

  it('community_staff: cannot list duplicates of an order of another community (404)', async () => {
    expect((await w.deskB.get(`/api/orders/${subject.id}/duplicates`)).statusCode).toBe(404);
  });
});

describe('handler suggestions', () => {
  let w: ReadWorld;
  let order: OrderRow;
  beforeAll(async () => {
    w = await readWorld(h);
    const busy = w.otherOrg;
    const quiet = await buildOrg(h.t.db, w.A.street);
    const stale = await buildOrg(h.t.db, w.A.street);
    const days = (n: number) => new Date(Date.now() - n * 86_400_000);
    for (const [org, n, ago] of [
      [busy, 3, 10],
      [quiet, 1, 20],
      [w.org, 1, 5],
      [stale, 5, 120],
    ] as const) {
      for (let i = 0; i < n; i++) await orderIn(h, w, { status: 'closed', handlerOrgId: org.id, placedAt: days(ago), stageDueAt: null });
    }
    await orderIn(h, w, { status: 'closed', handlerOrgId: stale.id, placedAt: days(3), stageDueAt: null }, w.B);
    order = await orderIn(h, w, { status: 'placed' });
    Object.assign(w, { quiet });
  });

  it('community_staff: can see the catalogue default, then where such orders went lately, with their staff', async () => {
    const res = await w.desk.get(`/api/orders/${order.id}/handler-suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    const items = HandlerSuggestions.parse(res.json()).items;
    const quiet = (w as ReadWorld & { quiet: { id: string } }).quiet;
    expect(items.map((i) => [i.orgId, i.source, i.orders])).toEqual([
      [w.org.id, 'catalogue', 1],
      [w.otherOrg.id, 'history', 3],
      [quiet.id, 'history', 1],
    ]);
    expect(items[0]!.people).toEqual([{ id: w.handler.id, name: w.handler.name }]);
    expect(items[1]!.people).toEqual([{ id: w.otherHandler.id, name: w.otherHandler.name }]);
  });

  it("community_staff: is never offered another community's organisation, even where such orders once went", async () => {
    const orgOfB = await buildOrg(h.t.db, w.B.community);
    for (let i = 0; i < 4; i++) await orderIn(h, w, { status: 'closed', handlerOrgId: orgOfB.id, placedAt: new Date(), stageDueAt: null });
    const items = HandlerSuggestions.parse((await w.desk.get(`/api/orders/${order.id}/handler-suggestions`)).json()).items;
    expect(items.map((i) => i.orgId)).toEqual([w.org.id, w.otherOrg.id, (w as ReadWorld & { quiet: { id: string } }).quiet.id]);
  });

  it('lists every handler staff member of the organisation', async () => {
    const second = await person(h, 'handler_staff', { orgId: w.org.id });
    const items = HandlerSuggestions.parse((await w.desk.get(`/api/orders/${order.id}/handler-suggestions`)).json()).items;
    expect(items[0]!.people.map((p) => p.id).sort()).toEqual([w.handler.id, second.id].sort());
  });

  it('grid_worker: cannot ask for handler suggestions (403)', async () => {
    expect((await w.grid.get(`/api/orders/${order.id}/handler-suggestions`)).statusCode).toBe(403);
  });

  it('community_staff: cannot ask for suggestions on an order of another community (404)', async () => {
    expect((await w.deskB.get(`/api/orders/${order.id}/handler-suggestions`)).statusCode).toBe(404);
  });
});
