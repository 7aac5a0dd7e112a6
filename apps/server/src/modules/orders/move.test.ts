import { TIME_LIMIT_PRESETS, stageDueAt } from '@linli/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orders, roleAssignments } from '../../db/schema/index.js';
import { buildArea, buildOrderRow, buildOrg, useTestApp } from '../../testing/index.js';
import {
  type OrderWorld,
  errorOf,
  eventsOf,
  issuesOf,
  move,
  moved,
  orderAt,
  orderWorld,
  person,
  placeAs,
  portalOrder,
  rowOf,
} from './test-kit.js';

const h = useTestApp();
let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld(h);
});
const HOUR = 3600_000;
const limits = TIME_LIMIT_PRESETS.general;

describe('the happy path', () => {
  it('place → dispatch → accept → start → handle → confirm → close, with deadlines, timestamps, events and audit', async () => {
    const placed = await placeAs(w.resident, portalOrder(w));
    const dispatched = await moved(w.desk, placed.id, {
      event: 'dispatch',
      handlerOrgId: w.org.id,
      handlerUserId: w.handler.id,
      note: '请尽快处理',
    });
    expect(dispatched).toMatchObject({ status: 'dispatched', handlerOrg: { id: w.org.id }, handlerUser: { id: w.handler.id }, version: 2 });
    let row = await rowOf(h, placed.id);
    expect(row.acceptDueAt).toEqual(stageDueAt('accept', row.dispatchedAt!, limits, { emergency: false }));
    expect(row.stageDueAt).toEqual(row.acceptDueAt);

    await moved(w.handler, placed.id, { event: 'accept' });
    row = await rowOf(h, placed.id);
    expect(row.acceptedOnTime).toBe(true);
    expect(row.handleDueAt!.getTime() - row.acceptedAt!.getTime()).toBe(limits.handleHours * HOUR);
    const handleDue = row.handleDueAt;

    await moved(w.handler, placed.id, { event: 'start', note: '已到现场' });
    row = await rowOf(h, placed.id);
    expect(row.status).toBe('in_progress');
    expect(row.handleDueAt).toEqual(handleDue);

    const handled = await moved(w.handler, placed.id, { event: 'handle', note: '已更换水管' });
    expect(handled.status).toBe('handled');
    row = await rowOf(h, placed.id);
    expect(row).toMatchObject({ handledBy: w.handler.id, handledOnTime: true });
    expect(row.confirmDueAt!.getTime() - row.handledAt!.getTime()).toBe(limits.confirmHours * HOUR);

    const confirmed = await moved(w.resident, placed.id, { event: 'confirm', rating: 'basic', reasons: ['响应快'], comment: '还可以' });
    expect(confirmed).toMatchObject({ status: 'confirmed', rating: 'basic', ratingReasons: ['响应快'] });
    expect((await rowOf(h, placed.id)).ratedVia).toBe('self');

    const closed = await moved(w.street, placed.id, { event: 'close', outcome: 'resolved', note: '结案' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'resolved', version: 7, abilities: { events: [] } });
    row = await rowOf(h, placed.id);
    expect(row).toMatchObject({ closedOnTime: true, stageDueAt: null, stageStartedAt: null });
    expect(row.closedAt).not.toBeNull();

    const events = await eventsOf(h, placed.id);
    expect(events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['place', null, 'placed'],
      ['dispatch', 'placed', 'dispatched'],
      ['accept', 'dispatched', 'accepted'],
      ['start', 'accepted', 'in_progress'],
      ['handle', 'in_progress', 'handled'],
      ['confirm', 'handled', 'confirmed'],
      ['close', 'confirmed', 'closed'],
    ]);
    expect(events[1]).toMatchObject({ actorId: w.desk.id, text: '请尽快处理', details: { handlerOrgId: w.org.id } });
    expect(events[5]).toMatchObject({ text: '还可以', details: { rating: 'basic', via: 'self' } });
    const audits = await h.t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, placed.id));
    expect(audits.map((a) => a.action).sort()).toEqual(
      ['order.place', 'order.dispatch', 'order.accept', 'order.start', 'order.handle', 'order.confirm', 'order.close'].sort(),
    );
  });

  it('gives an emergency order two hours to handle once accepted', async () => {
    const order = await orderAt(w, 'accepted', { serviceId: w.emergency.id, fields: {} });
    const row = await rowOf(h, order.id);
    expect(row.handleDueAt!.getTime() - row.acceptedAt!.getTime()).toBe(2 * HOUR);
  });
});

describe('side moves', () => {
  it('handler_staff: can return an order for re-dispatch with a reason; it gets a new dispatch deadline', async () => {
    const order = await orderAt(w, 'accepted');
    // the deadline job had reminded and escalated the accept stage: a new stage starts that over
    await h.t.db
      .update(orders)
      .set({ remindedAt: new Date(), overdueSince: new Date(), escalationLevel: 2 })
      .where(eq(orders.id, order.id));
    const back = await moved(w.handler, order.id, { event: 'return', reason: '不属于本单位职责' });
    expect(back).toMatchObject({ status: 'placed', handlerOrg: null, handlerUser: null });
    const row = await rowOf(h, order.id);
    const returned = (await eventsOf(h, order.id)).at(-1)!;
    expect(returned).toMatchObject({ kind: 'return', text: '不属于本单位职责', details: { fromOrgId: w.org.id } });
    expect(row.dispatchDueAt).toEqual(stageDueAt('dispatch', returned.at, limits, { emergency: false }));
    expect(row).toMatchObject({
      stageStartedAt: returned.at,
      stageDueAt: row.dispatchDueAt,
      escalationLevel: 0,
      remindedAt: null,
      overdueSince: null,
    });
    expect((await w.handler.get(`/api/orders/${order.id}`)).statusCode).toBe(404);
  });

  it('community_staff: can transfer to another organisation of the street; the old one loses the order', async () => {
    const order = await orderAt(w, 'in_progress');
    const org2 = await buildOrg(h.t.db, w.A.street, 'social_org');
    const moved2 = await moved(w.desk, order.id, { event: 'transfer', handlerOrgId: org2.id, reason: '转交社会组织' });
    expect(moved2).toMatchObject({ status: 'dispatched', handlerOrg: { id: org2.id }, handlerUser: null });
    const row = await rowOf(h, order.id);
    expect(row.stageDueAt).toEqual(row.acceptDueAt);
    expect(row.acceptDueAt).toEqual(stageDueAt('accept', row.dispatchedAt!, limits, { emergency: false }));
    expect((await w.handler.post(`/api/orders/${order.id}/events`, { event: 'accept' })).statusCode).toBe(404);
  });

  it('refuses a handler organisation of another street or of another community, or a person outside the organisation', async () => {
    const order = await placeAs(w.resident, portalOrder(w));
    const farStreet = await buildArea(h.t.db, 'street', w.A.district);
    const farOrg = await buildOrg(h.t.db, farStreet);
    const far = await move(w.desk, order.id, { event: 'dispatch', handlerOrgId: farOrg.id }, 400);
    expect(issuesOf(far)).toEqual([{ path: 'handlerOrgId', message: '该处置单位不服务本工单所在的区域' }]);
    const orgOfB = await buildOrg(h.t.db, w.B.community);
    const otherCommunity = await move(w.desk, order.id, { event: 'dispatch', handlerOrgId: orgOfB.id }, 400);
    expect(issuesOf(otherCommunity)?.map((i) => i.path)).toEqual(['handlerOrgId']);
    const stranger = await move(w.desk, order.id, { event: 'dispatch', handlerOrgId: w.org.id, handlerUserId: w.desk.id }, 400);
    expect(issuesOf(stranger)?.map((i) => i.path)).toEqual(['handlerUserId']);
    expect((await rowOf(h, order.id)).status).toBe('placed');
    expect(await eventsOf(h, order.id)).toHaveLength(1);
  });

  it('extension: requested by the handler, one at a time, approved by the desk, moving the handling deadline', async () => {
    const order = await orderAt(w, 'in_progress');
    const before = await rowOf(h, order.id);
    const asked = await moved(w.handler, order.id, { event: 'request_extension', hours: 24, reason: '需要等待配件' });
    expect(asked).toMatchObject({ status: 'in_progress', extensionPending: true, extension: { hours: 24, reason: '需要等待配件' } });
    const twice = await move(w.handler, order.id, { event: 'request_extension', hours: 8, reason: '再等等' }, 409);
    expect(errorOf(twice)).toMatchObject({ code: 'INVALID_TRANSITION', details: { guard: 'extension_pending' } });
    const approved = await moved(w.desk, order.id, { event: 'approve_extension', note: '同意' });
    expect(approved).toMatchObject({ extensionPending: false, extension: null, extensionCount: 1 });
    const row = await rowOf(h, order.id);
    expect(row.extensionHours).toBe(24);
    expect(row.handleDueAt!.getTime() - before.handleDueAt!.getTime()).toBe(24 * HOUR);
    expect(row.stageDueAt).toEqual(row.handleDueAt);
    await moved(w.handler, order.id, { event: 'request_extension', hours: 48, reason: '仍需等待' });
    const rejected = await moved(w.desk, order.id, { event: 'reject_extension', reason: '时间过长' });
    expect(rejected).toMatchObject({ extensionPending: false, extensionCount: 1 });
    expect((await rowOf(h, order.id)).handleDueAt).toEqual(row.handleDueAt);
    const noneLeft = await move(w.desk, order.id, { event: 'approve_extension' }, 409);
    expect(errorOf(noneLeft).details).toMatchObject({ guard: 'no_extension_pending' });
  });

  it('suspend stops the clock; resume returns to the previous status with the deadline moved by the pause', async () => {
    const order = await orderAt(w, 'in_progress');
    await h.t.db.update(orders).set({ escalationLevel: 1, overdueSince: new Date() }).where(eq(orders.id, order.id));
    const before = await rowOf(h, order.id);
    const paused = await moved(w.desk, order.id, { event: 'suspend', reason: '居民外出' });
    expect(paused).toMatchObject({ status: 'suspended', clock: { paused: true } });
    const row = await rowOf(h, order.id);
    expect(row).toMatchObject({ suspendedFrom: 'in_progress', stageDueAt: null });
    // pretend the suspension began three hours ago
    await h.t.db
      .update(orders)
      .set({ suspendedAt: new Date(row.suspendedAt!.getTime() - 3 * HOUR) })
      .where(eq(orders.id, order.id));
    const resumed = await moved(w.desk, order.id, { event: 'resume' });
    expect(resumed.status).toBe('in_progress');
    const after = await rowOf(h, order.id);
    const shift = after.handleDueAt!.getTime() - before.handleDueAt!.getTime();
    expect(shift).toBeGreaterThanOrEqual(3 * HOUR);
    expect(shift).toBeLessThan(3 * HOUR + 60_000);
    expect(after).toMatchObject({
      suspendedFrom: null,
      suspendedAt: null,
      escalationLevel: 1,
      stageStartedAt: new Date(before.stageStartedAt!.getTime() + shift),
    });
    expect(after.stageDueAt).toEqual(after.handleDueAt);
  });

  it('merge: the duplicate closes as duplicate and the earlier order shows what it absorbed', async () => {
    const earlier = await placeAs(w.resident, portalOrder(w));
    const dup = await placeAs(w.desk, {
      ...portalOrder(w),
      intake: { channel: 'desk', via: 'phone', contactName: '孙先生', contactPhone: '13600004444', buildingId: w.A.building.id },
    });
    expect(issuesOf(await move(w.desk, dup.id, { event: 'merge', intoOrderId: dup.id }, 400))?.map((i) => i.path)).toEqual(['intoOrderId']);
    const merged = await moved(w.desk, dup.id, { event: 'merge', intoOrderId: earlier.id, note: '同一漏水' });
    expect(merged).toMatchObject({ status: 'merged', outcome: 'duplicate', mergedInto: { id: earlier.id, orderNo: earlier.orderNo } });
    const absorb = (await eventsOf(h, earlier.id)).at(-1);
    expect(absorb).toMatchObject({ kind: 'absorb', actorId: w.desk.id, details: { orderId: dup.id, orderNo: dup.orderNo } });
    expect((await rowOf(h, earlier.id)).version).toBe(earlier.version + 1);
    const foreign = await buildOrderRow(h.t.db, w.service, w.B.building);
    expect((await move(w.desk, earlier.id, { event: 'merge', intoOrderId: foreign.id }, 400)).statusCode).toBe(400);
    const third = await placeAs(w.resident, portalOrder(w));
    expect((await move(w.desk, third.id, { event: 'merge', intoOrderId: dup.id }, 400)).statusCode).toBe(400);
  });

  it('resident: can withdraw their placed order', async () => {
    const order = await placeAs(w.resident, portalOrder(w));
    const gone = await moved(w.resident, order.id, { event: 'withdraw', reason: '已自行修好' });
    expect(gone).toMatchObject({ status: 'withdrawn', outcome: 'withdrawn' });
    expect((await rowOf(h, order.id)).closedAt).not.toBeNull();
  });

  it('resident: can withdraw a suspended order, which keeps nothing to resume to', async () => {
    const order = await placeAs(w.resident, portalOrder(w));
    await moved(w.desk, order.id, { event: 'suspend', reason: '等待业委会决定' });
    expect(await moved(w.resident, order.id, { event: 'withdraw' })).toMatchObject({ status: 'withdrawn', outcome: 'withdrawn' });
    expect(await rowOf(h, order.id)).toMatchObject({ suspendedFrom: null, suspendedAt: null, stageDueAt: null });
  });

  it('resident: can contest a handled order, which goes back to work and counts rework; staff confirm on a return visit', async () => {
    const order = await orderAt(w, 'handled');
    const back = await moved(w.resident, order.id, { event: 'contest', reason: '仍然漏水' });
    expect(back).toMatchObject({ status: 'in_progress', reworkCount: 1 });
    const row = await rowOf(h, order.id);
    expect(row.handleDueAt!.getTime() - (await eventsOf(h, order.id)).at(-1)!.at.getTime()).toBe(limits.handleHours * HOUR);
    await moved(w.handler, order.id, { event: 'handle', note: '重新更换阀门' });
    await moved(w.resident, order.id, { event: 'contest', reason: '还是漏' });
    await moved(w.handler, order.id, { event: 'handle', note: '更换整段水管' });
    const visited = await moved(w.desk, order.id, { event: 'confirm', rating: 'satisfied' });
    expect(visited).toMatchObject({ status: 'confirmed', reworkCount: 2 });
    expect((await rowOf(h, order.id)).ratedVia).toBe('return_visit');
  });

  it('refuses a closer who belongs to the handler organisation, and an outcome that does not fit', async () => {
    const order = await orderAt(w, 'confirmed');
    const both = await person(h, 'street_supervisor', { areaId: w.A.street.id });
    await h.t.db.insert(roleAssignments).values({ userId: both.id, role: 'handler_staff', orgId: w.org.id });
    const refused = await move(both, order.id, { event: 'close', outcome: 'resolved' }, 409);
    expect(errorOf(refused)).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: '办理人员不能结案',
      details: { guard: 'closer_is_handler' },
    });
    const wrong = await move(w.street, order.id, { event: 'close', outcome: 'duplicate' }, 409);
    expect(errorOf(wrong).details).toMatchObject({ guard: 'outcome' });
    expect((await moved(w.street, order.id, { event: 'close', outcome: 'resolved' })).status).toBe('closed');
    const actions = await h.t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order.id), inArray(auditLog.action, ['order.close'])));
    expect(actions).toHaveLength(1);
  });
});
