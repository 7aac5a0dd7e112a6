import { randomUUID } from 'node:crypto';
import { stageDueAt } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orders } from '../../db/schema/index.js';
import { buildArea, buildHousehold, buildService, testPii, useTestApp } from '../../testing/index.js';
import { type OrderWorld, errorOf, eventsOf, issuesOf, orderWorld, person, placeAs, portalOrder, residentIn, rowOf } from './test-kit.js';

const h = useTestApp();
let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld(h);
});

const countWith = async (description: string) =>
  (await h.t.db.select({ id: orders.id }).from(orders).where(eq(orders.description, description))).length;

describe('placing orders through each channel', () => {
  it('resident: can place an order through the portal, for their own flat, with their name and phone as contact', async () => {
    const order = await placeAs(w.resident, portalOrder(w));
    expect(order).toMatchObject({
      status: 'placed',
      channel: 'portal',
      householdId: w.household.id,
      residentId: w.household.members[0]!.id,
      buildingId: w.A.building.id,
      communityId: w.A.community.id,
      contactName: '王秀英',
      contactPhone: '138****5678',
      fields: { room: 'kitchen' },
      placedBy: { id: w.resident.id },
    });
    expect(order.place).toContain(w.A.building.name);
    expect(order.orderNo).toMatch(/^20\d{6}\d{7}$/);
    const row = await rowOf(h, order.id);
    expect(testPii.decrypt(row.contactPhoneEnc!)).toBe('13812345678');
    expect(row.flatId).toBe(w.household.flatId);
    const local = new Date(row.placedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
    expect(order.orderNo.slice(0, 8)).toBe(local);
    const [place] = await eventsOf(h, order.id);
    expect(place).toMatchObject({ kind: 'place', actorId: w.resident.id, toStatus: 'placed', details: { channel: 'portal' } });
    const [audit] = await h.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'order.place'), eq(auditLog.entityId, order.id)));
    expect(audit).toMatchObject({ actorId: w.resident.id, communityId: w.A.community.id, streetId: w.A.street.id });
  });

  it('computes the dispatch deadline in working time, and round the clock for an emergency', async () => {
    const general = await rowOf(h, (await placeAs(w.resident, portalOrder(w))).id);
    const due = stageDueAt('dispatch', general.placedAt, w.service.timeLimits, { emergency: false });
    expect(general.dispatchDueAt).toEqual(due);
    expect(general.stageDueAt).toEqual(due);
    expect(general.stageStartedAt).toEqual(general.placedAt);
    const urgent = await rowOf(h, (await placeAs(w.resident, portalOrder(w, { serviceId: w.emergency.id, fields: {} }))).id);
    expect(urgent.emergency).toBe(true);
    expect(urgent.dispatchDueAt!.getTime() - urgent.placedAt.getTime()).toBe(10 * 60_000);
  });

  it('building_leader: can order for a household of their building, with the consent recorded', async () => {
    const leader = await person(h, 'building_leader', { areaId: w.A.building.id });
    const household = await buildHousehold(h.t.db, w.A.building, { head: { name: '李建国', phone: '13900001111' } });
    const order = await placeAs(leader, {
      ...portalOrder(w),
      intake: {
        channel: 'proxy',
        householdId: household.id,
        residentId: household.members[0]!.id,
        consent: { method: 'phone', note: '电话同意' },
      },
    });
    expect(order).toMatchObject({
      channel: 'proxy',
      householdId: household.id,
      residentId: household.members[0]!.id,
      contactName: '李建国',
      contactPhone: '139****1111',
      consent: { method: 'phone', note: '电话同意' },
      placedBy: { id: leader.id },
    });
  });

  it('grid_worker: can order for a household of their grid, cannot for one on another grid (404)', async () => {
    const worker = await person(h, 'grid_worker', { areaId: w.A.grid.id });
    const body = (householdId: string) => ({
      ...portalOrder(w),
      intake: { channel: 'proxy', householdId, consent: { method: 'in_person' } },
    });
    const ok = await placeAs(worker, body(w.household.id));
    expect(ok).toMatchObject({ channel: 'proxy', residentId: null, consent: { method: 'in_person', note: '' } });
    const grid2 = await buildArea(h.t.db, 'grid', w.A.community);
    const building2 = await buildArea(h.t.db, 'building', w.A.compound, { gridId: grid2.id });
    const elsewhere = await buildHousehold(h.t.db, building2);
    expect((await worker.post('/api/orders', body(elsewhere.id))).statusCode).toBe(404);
  });

  it('handler_staff: cannot place an order for a resident (403)', async () => {
    const body = { ...portalOrder(w), intake: { channel: 'proxy', householdId: w.household.id, consent: { method: 'in_person' } } };
    expect((await w.handler.post('/api/orders', body)).statusCode).toBe(403);
    expect((await w.handler.post('/api/orders', portalOrder(w))).statusCode).toBe(403);
  });

  it('community_staff: can take a phone call at the desk, for a household or for a place typed in', async () => {
    const desk = { channel: 'desk', via: 'phone', contactName: '赵先生', contactPhone: '13700002222' };
    const forHousehold = await placeAs(w.desk, { ...portalOrder(w), intake: { ...desk, householdId: w.household.id } });
    expect(forHousehold).toMatchObject({
      channel: 'desk',
      householdId: w.household.id,
      contactName: '赵先生',
      contactPhone: '137****2222',
    });
    expect((await eventsOf(h, forHousehold.id))[0]!.details).toMatchObject({ channel: 'desk', via: 'phone' });
    const typed = await placeAs(w.desk, { ...portalOrder(w), intake: { ...desk, via: 'walk_in', address: '社区广场东侧路灯' } });
    expect(typed).toMatchObject({ householdId: null, buildingId: null, communityId: w.A.community.id, place: '社区广场东侧路灯' });
    const building = await placeAs(w.desk, { ...portalOrder(w), intake: { ...desk, buildingId: w.A.building.id } });
    expect(building).toMatchObject({ buildingId: w.A.building.id, gridId: w.A.grid.id, householdId: null });
    const noName = await w.desk.post('/api/orders', {
      ...portalOrder(w),
      intake: { channel: 'desk', via: 'phone', contactPhone: '13700002222' },
    });
    expect(noName.statusCode).toBe(400);
    expect(issuesOf(noName)?.map((i) => i.path)).toEqual(['intake.contactName']);
  });

  it("community_staff: cannot take a desk order for another community's household (404)", async () => {
    const other = await buildHousehold(h.t.db, w.B.building);
    const res = await w.desk.post('/api/orders', {
      ...portalOrder(w),
      intake: { channel: 'desk', via: 'phone', contactName: '钱女士', contactPhone: '13700003333', householdId: other.id },
    });
    expect(res.statusCode).toBe(404);
  });

  it('community_staff: can record a resident-meeting decision for the community or one of its buildings', async () => {
    const meeting = { channel: 'meeting', communityId: w.A.community.id, meetingNote: '居民议事会决定更换路灯' };
    const order = await placeAs(w.desk, { ...portalOrder(w), intake: meeting });
    expect(order).toMatchObject({ channel: 'meeting', consent: { method: 'meeting', note: '居民议事会决定更换路灯' }, contactName: null });
    expect((await placeAs(w.desk, { ...portalOrder(w), intake: { ...meeting, buildingId: w.A.building.id } })).buildingId).toBe(
      w.A.building.id,
    );
    const foreign = await w.desk.post('/api/orders', { ...portalOrder(w), intake: { ...meeting, buildingId: w.B.building.id } });
    expect(issuesOf(foreign)?.map((i) => i.path)).toEqual(['intake.buildingId']);
    const grid = await person(h, 'grid_worker', { areaId: w.A.grid.id });
    expect((await grid.post('/api/orders', { ...portalOrder(w), intake: meeting })).statusCode).toBe(403);
  });

  it('resident: cannot use the portal without a household linked to the account', async () => {
    const loner = await person(h, 'resident', { areaId: w.A.building.id });
    const res = await loner.post('/api/orders', portalOrder(w));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)?.map((i) => i.path)).toEqual(['intake']);
  });
});

describe('idempotent submits', () => {
  it('answers a retry with the same key with the same order (200) and stores one row', async () => {
    const body = portalOrder(w, { description: '重试提交只应生成一张工单' });
    const first = await placeAs(w.resident, body, 201, 'key-seq-1');
    const again = await placeAs(w.resident, body, 200, 'key-seq-1');
    expect(again.id).toBe(first.id);
    expect(await countWith(body.description)).toBe(1);
  });

  it('makes one order when two retries with the same key arrive at once', async () => {
    const body = portalOrder(w, { description: '两个并发重试只生成一张工单' });
    const send = () =>
      w.resident.request({ method: 'POST', url: '/api/orders', payload: body, headers: { 'idempotency-key': 'key-race-1' } });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await countWith(body.description)).toBe(1);
  });

  it('keeps keys per user: another user with the same key makes their own order', async () => {
    const body = portalOrder(w, { description: '不同用户使用相同的幂等键' });
    const { agent: neighbour } = await residentIn(h, w.A.building);
    const mine = await placeAs(w.resident, body, 201, 'shared-key');
    const theirs = await placeAs(neighbour, body, 201, 'shared-key');
    expect(theirs.id).not.toBe(mine.id);
    expect(await countWith(body.description)).toBe(2);
  });
});

describe('bad input stores nothing', () => {
  it('refuses an unknown, inactive or other-street service with an issue on serviceId', async () => {
    const description = '未知服务不应存储任何内容';
    const otherStreet = await buildService(h.t.db, await buildArea(h.t.db, 'street', w.A.district));
    const inactive = await buildService(h.t.db, w.A.street, { active: false });
    for (const serviceId of [randomUUID(), otherStreet.id, inactive.id]) {
      const res = await w.resident.post('/api/orders', portalOrder(w, { serviceId, description, fields: {} }));
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res)).toEqual([{ path: 'serviceId', message: '该服务不存在或未在本街道开放' }]);
    }
    expect(await countWith(description)).toBe(0);
  });

  it('names every bad custom field in the user language', async () => {
    const description = '缺少必填字段不应存储';
    const zh = await w.resident.post('/api/orders', portalOrder(w, { description, fields: { floors: 'three', colour: 'red' } }));
    expect(zh.statusCode).toBe(400);
    expect(issuesOf(zh)).toEqual([
      { path: 'fields.colour', message: '该服务没有这个字段' },
      { path: 'fields.room', message: '请填写“报修位置”' },
      { path: 'fields.floors', message: '“楼层数”的格式不正确' },
    ]);
    const en = await w.resident.request({
      method: 'POST',
      url: '/api/orders',
      payload: portalOrder(w, { description, fields: { room: 'garage' } }),
      headers: { 'x-linli-locale': 'en' },
    });
    expect(issuesOf(en)).toEqual([{ path: 'fields.room', message: '“报修位置” has an option that does not exist' }]);
    expect(await countWith(description)).toBe(0);
  });

  it('refuses attachment ids that are not the placer’s uploads, and rolls the order back', async () => {
    const description = '附件无效时工单不应保存';
    const res = await w.resident.post('/api/orders', portalOrder(w, { description, attachmentIds: [randomUUID()] }));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)?.map((i) => i.path)).toEqual(['attachmentIds']);
    expect(await countWith(description)).toBe(0);
  });

  it('rejects a malformed body with field-level issues', async () => {
    const res = await w.resident.post('/api/orders', { serviceId: 'nope', description: 'x', intake: { channel: 'fax' } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION');
    expect(issuesOf(res)!.map((i) => i.path)).toEqual(expect.arrayContaining(['serviceId', 'description']));
  });
});
