import { OrderCounts, OrderDto } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildService, useTestApp } from '../../testing/index.js';
import { type ReadWorld, hoursFromNow, listOrders, orderIdsOf, orderIn, readWorld } from './read-test-kit.js';

const h = useTestApp();

const list = listOrders;
const idsOf = orderIdsOf;

describe('order lists', () => {
  let w: ReadWorld;
  const o: Record<string, string> = {};
  beforeAll(async () => {
    w = await readWorld(h);
    const add = async (name: string, over: Parameters<typeof orderIn>[2], tree = w.A) => {
      o[name] = (await orderIn(h, w, { placedAt: new Date(Date.now() - Object.keys(o).length * 60_000), ...over }, tree)).id;
    };
    await add('placedLater', { status: 'placed', stageDueAt: hoursFromNow(2), orderNo: '202601019990001' });
    await add('emergency', { status: 'placed', emergency: true, stageDueAt: hoursFromNow(1) });
    await add('late', { status: 'in_progress', handlerOrgId: w.org.id, stageDueAt: hoursFromNow(-1), description: '电梯停运，无法上下楼' });
    await add('working', { status: 'in_progress', handlerOrgId: w.org.id, stageDueAt: hoursFromNow(3) });
    await add('extension', {
      status: 'accepted',
      handlerOrgId: w.org.id,
      stageDueAt: hoursFromNow(5),
      extensionPendingHours: 24,
      extensionPendingReason: '等待配件',
    });
    await add('suspended', { status: 'suspended', suspendedFrom: 'dispatched', stageDueAt: null });
    await add('closed', { status: 'closed', handlerOrgId: w.org.id, stageDueAt: null, outcome: 'resolved' });
    await add('otherOrg', {
      status: 'dispatched',
      handlerOrgId: w.otherOrg.id,
      stageDueAt: hoursFromNow(4),
      residentId: null,
      householdId: null,
      flatId: null,
    });
    await add('inB', { status: 'placed', stageDueAt: hoursFromNow(1) }, w.B);
    await add('undated', { status: 'handled', stageDueAt: null, residentId: null, householdId: null, flatId: null });
    await add('neighbours', {
      status: 'handled',
      residentId: w.neighbourHousehold.members[0]!.id,
      householdId: w.neighbourHousehold.id,
      stageDueAt: hoursFromNow(30),
    });
  });

  it('community_staff: can see the desk queue: emergencies, then late, then by deadline, paused last', async () => {
    expect(await idsOf(w.desk, 'view=desk')).toEqual([o.emergency, o.late, o.placedLater, o.extension, o.suspended]);
  });

  it('street_supervisor: can see the desk queue of the whole street', async () => {
    const ids = await idsOf(w.street, 'view=desk');
    expect(ids).toContain(o.inB);
    expect(ids.slice(0, 2)).toEqual([o.emergency, o.late]);
  });

  it('grid_worker: cannot see the desk queue (403)', async () => {
    await list(w.grid, 'view=desk', 403);
  });

  it("handler_staff: can see their organisation's open orders on the workbench, by deadline", async () => {
    expect(await idsOf(w.handler, 'view=workbench')).toEqual([o.late, o.working, o.extension]);
    expect(await idsOf(w.handler, `view=workbench&handlerOrgId=${w.org.id}&status=terminal`)).toEqual([o.closed]);
  });

  it("handler_staff: cannot open another organisation's workbench (404)", async () => {
    await list(w.handler, `view=workbench&handlerOrgId=${w.otherOrg.id}`, 404);
  });

  it('community_staff: cannot open a workbench without a handler organisation (403)', async () => {
    await list(w.desk, 'view=workbench', 403);
  });

  it("resident: can see their own orders, newest first, and not the neighbours'", async () => {
    const ids = await idsOf(w.resident, 'view=mine');
    expect(ids[0]).toBe(o.placedLater);
    expect(ids).not.toContain(o.neighbours);
    expect(ids).not.toContain(o.otherOrg);
    expect(await idsOf(w.neighbour, 'view=mine')).toEqual([o.neighbours]);
  });

  it('resident: cannot list all orders (403)', async () => {
    await list(w.resident, 'view=all', 403);
  });

  it("community_staff: can list all orders of the community, newest first, never another community's", async () => {
    const page = (await list(w.desk, 'view=all&pageSize=3'))!;
    expect(page.total).toBe(10);
    expect(page.items.map((i) => i.id)).toEqual([o.placedLater, o.emergency, o.late]);
    expect(await idsOf(w.deskB, 'view=all')).toEqual([o.inB]);
  });

  it('community_staff: can filter by status, overdue, handler organisation and text', async () => {
    expect(await idsOf(w.desk, 'view=all&status=terminal')).toEqual([o.closed]);
    expect((await idsOf(w.desk, 'view=all&status=open')).length).toBe(9);
    expect(await idsOf(w.desk, 'view=all&overdue=true')).toEqual([o.late]);
    expect(await idsOf(w.desk, 'view=all&overdue=false')).not.toContain(o.late);
    expect(await idsOf(w.desk, 'view=all&overdue=false')).toContain(o.undated);
    expect((await idsOf(w.desk, 'view=all&overdue=false')).length).toBe(9);
    expect(await idsOf(w.desk, `view=all&handlerOrgId=${w.otherOrg.id}`)).toEqual([o.otherOrg]);
    expect(await idsOf(w.desk, 'view=all&q=20260101999')).toEqual([o.placedLater]);
    expect(await idsOf(w.desk, `view=all&q=${encodeURIComponent('电梯')}`)).toEqual([o.late]);
    expect(await idsOf(w.desk, 'view=all&q=100%25')).toEqual([]);
  });

  it('community_staff: can filter by service, category and an area inside their scope', async () => {
    const other = await buildService(h.t.db, w.A.street, { category: 'home_service' });
    const mine = (await orderIn(h, w, { serviceId: other.id, category: 'home_service', status: 'placed' })).id;
    expect(await idsOf(w.desk, `view=all&serviceId=${other.id}`)).toEqual([mine]);
    expect(await idsOf(w.desk, 'view=all&category=home_service')).toEqual([mine]);
    expect((await idsOf(w.desk, `view=all&areaId=${w.A.building.id}`)).length).toBe(11);
    expect(await idsOf(w.street, `view=all&areaId=${w.B.community.id}`)).toEqual([o.inB]);
  });

  it('community_staff: cannot filter by an area of another community (404)', async () => {
    await list(w.desk, `view=all&areaId=${w.B.community.id}`, 404);
    await list(w.desk, `view=desk&areaId=${w.B.building.id}`, 404);
  });

  it('shows the clock, the place and the handler organisation on each item', async () => {
    const items = (await list(w.desk, 'view=desk'))!.items;
    const late = items.find((i) => i.id === o.late)!;
    expect(late.clock).toMatchObject({ stage: 'handle', overdue: true, paused: false });
    expect(late.handlerOrg).toEqual({ id: w.org.id, name: w.org.name });
    expect(late.place).toContain(w.A.building.name);
    expect(late.place).toContain('单元');
    const paused = items.find((i) => i.id === o.suspended)!;
    expect(paused.clock).toEqual({ stage: 'accept', dueAt: null, overdue: false, escalationLevel: 0, paused: true });
    expect(items.find((i) => i.id === o.extension)!.extensionPending).toBe(true);
  });

  it('community_staff: the desk tab counts agree with the desk list, in one request', async () => {
    const items = (await list(w.desk, 'view=desk&pageSize=200'))!.items;
    const res = await w.desk.get('/api/orders/counts?view=desk');
    expect(res.statusCode, res.body).toBe(200);
    const counts = OrderCounts.parse(res.json());
    const expected: Record<string, number> = {};
    for (const i of items) expected[i.status] = (expected[i.status] ?? 0) + 1;
    expect(counts).toEqual({ byStatus: expected, overdue: items.filter((i) => i.clock.overdue).length, total: items.length });
    expect(counts.overdue).toBeGreaterThan(0);
  });

  it('handler_staff: workbench counts cover their organisation only; others are refused', async () => {
    const items = (await list(w.handler, 'view=workbench&pageSize=200'))!.items;
    const counts = OrderCounts.parse((await w.handler.get('/api/orders/counts?view=workbench')).json());
    expect(counts.total).toBe(items.length);
    expect((await w.desk.get('/api/orders/counts?view=workbench')).statusCode).toBe(403);
    expect((await w.grid.get('/api/orders/counts?view=desk')).statusCode).toBe(403);
    expect((await w.desk.get(`/api/orders/counts?view=desk&areaId=${w.B.community.id}`)).statusCode).toBe(404);
  });

  it('handler_staff: workbench items carry the moves they may make now, as the detail does', async () => {
    const items = (await list(w.handler, 'view=workbench'))!.items;
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(o.late!)!.abilities.events).toEqual(expect.arrayContaining(['handle', 'request_extension']));
    expect(byId.get(o.extension!)!.abilities.events).toContain('start');
    expect(byId.get(o.extension!)!.abilities.events).not.toContain('request_extension');
    for (const item of items) {
      const detail = OrderDto.parse((await w.handler.get(`/api/orders/${item.id}`)).json());
      expect(item.abilities, item.id).toEqual(detail.abilities);
    }
  });

  it('community_admin: list items offer closing only where the community closes its own orders', async () => {
    const closeOf = async () => (await list(w.admin, 'view=all'))!.items.find((i) => i.id === o.undated)!.abilities.events;
    expect(await closeOf()).not.toContain('close');
    const res = await w.street.put(`/api/communities/${w.A.community.id}/order-settings`, { communityMayClose: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(await closeOf()).toContain('close');
    const evaluator = (await list(w.evaluator, 'view=all'))!.items.find((i) => i.id === o.undated)!;
    expect(evaluator.abilities).toEqual({ events: [], canComment: false, canCommentInternal: false });
    await w.street.put(`/api/communities/${w.A.community.id}/order-settings`, { communityMayClose: false });
  });

  it('stops counting at 10,000 and says so (run last: it adds 10,000 orders)', async () => {
    expect(await list(w.desk, 'view=all')).toMatchObject({ totalCapped: false });
    await h.t.db.execute(sql`
      INSERT INTO orders (order_no, service_id, category, emergency, status, channel, description, district_id, street_id,
        community_id, compound_id, grid_id, building_id, placed_at, outcome)
      SELECT 'CAP' || g, service_id, category, emergency, status, channel, description, district_id, street_id,
        community_id, compound_id, grid_id, building_id, placed_at - interval '1 day', outcome
      FROM orders, generate_series(1, 10000) AS g WHERE id = ${o.closed}`);
    const capped = await list(w.desk, 'view=all&pageSize=5');
    expect(capped).toMatchObject({ total: 10_000, totalCapped: true });
    expect(capped!.items).toHaveLength(5);
  });
});
