import { OrderDto } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderEvents } from '../../db/schema/index.js';
import { useTestApp } from '../../testing/index.js';
import { type OrderWorld, type Person, errorOf, eventsOf, orderAt, orderWorld, person, placeAs, portalOrder, rowOf } from './test-kit.js';

const h = useTestApp();
let w: OrderWorld;
let otherDesk: Person;
let evaluator: Person;
beforeAll(async () => {
  w = await orderWorld(h);
  otherDesk = await person(h, 'community_staff', { areaId: w.B.community.id });
  evaluator = await person(h, 'evaluator', { areaId: w.A.community.id });
});

const dispatchBody = () => ({ event: 'dispatch', handlerOrgId: w.org.id });

describe('POST /api/orders/:id/events', () => {
  it('two people moving the same order at once: exactly one wins, the other gets 409', async () => {
    const order = await placeAs(w.resident, portalOrder(w));
    const [a, b] = await Promise.all([
      w.desk.post(`/api/orders/${order.id}/events`, dispatchBody()),
      w.street.post(`/api/orders/${order.id}/events`, { event: 'close', outcome: 'not_responsible' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(errorOf(loser).code).toBe('INVALID_TRANSITION');
    expect((await eventsOf(h, order.id)).map((e) => e.kind)).toHaveLength(2);
    expect((await rowOf(h, order.id)).version).toBe(2);
  });

  it('the same move twice at once also makes one event', async () => {
    const order = await placeAs(w.resident, portalOrder(w));
    const results = await Promise.all([1, 2].map(() => w.desk.post(`/api/orders/${order.id}/events`, dispatchBody())));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const dispatches = await h.t.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(dispatches.filter((e) => e.kind === 'dispatch')).toHaveLength(1);
  });

  it('two merges crossing each other at once: one wins, the other is refused, no deadlock', async () => {
    const [x, y] = [await placeAs(w.resident, portalOrder(w)), await placeAs(w.resident, portalOrder(w))];
    const second = await person(h, 'community_admin', { areaId: w.A.community.id });
    const [a, b] = await Promise.all([
      w.desk.post(`/api/orders/${x.id}/events`, { event: 'merge', intoOrderId: y.id }),
      second.post(`/api/orders/${y.id}/events`, { event: 'merge', intoOrderId: x.id }),
    ]);
    expect([a.statusCode, b.statusCode].filter((s) => s === 200)).toHaveLength(1);
    expect([a.statusCode, b.statusCode].every((s) => s === 200 || s === 400 || s === 409)).toBe(true);
    const statuses = [(await rowOf(h, x.id)).status, (await rowOf(h, y.id)).status].sort();
    expect(statuses).toEqual(['merged', 'placed']);
  });

  it('an illegal move answers 409 INVALID_TRANSITION naming the state and the move, in the user language', async () => {
    const order = await orderAt(w, 'dispatched');
    const zh = await w.desk.post(`/api/orders/${order.id}/events`, dispatchBody());
    expect(zh.statusCode).toBe(409);
    expect(errorOf(zh)).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: '工单当前状态为“待接单”，不能派单',
      details: { status: 'dispatched', event: 'dispatch' },
    });
    const en = await w.desk.request({
      method: 'POST',
      url: `/api/orders/${order.id}/events`,
      payload: dispatchBody(),
      headers: { 'x-linli-locale': 'en' },
    });
    expect(errorOf(en).message).toBe('The order is dispatched; it cannot dispatch now');
  });

  it('a stale version answers 409 CONFLICT and changes nothing', async () => {
    const order = await placeAs(w.resident, portalOrder(w));
    const res = await w.desk.post(`/api/orders/${order.id}/events`, { ...dispatchBody(), version: order.version + 1 });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', details: { version: order.version } });
    const ok = await w.desk.post(`/api/orders/${order.id}/events`, { ...dispatchBody(), version: order.version });
    expect(OrderDto.parse(ok.json()).version).toBe(order.version + 1);
  });

  it("community_staff: cannot move another community's order (404)", async () => {
    const order = await placeAs(w.resident, portalOrder(w));
    expect((await otherDesk.post(`/api/orders/${order.id}/events`, dispatchBody())).statusCode).toBe(404);
    expect((await rowOf(h, order.id)).status).toBe('placed');
  });

  it('resident: cannot dispatch their own order (403); evaluator: cannot move nor comment on an order they can read (403)', async () => {
    const order = await placeAs(w.resident, portalOrder(w));
    expect((await w.resident.post(`/api/orders/${order.id}/events`, dispatchBody())).statusCode).toBe(403);
    expect((await evaluator.post(`/api/orders/${order.id}/events`, { event: 'suspend', reason: '测试权限' })).statusCode).toBe(403);
    expect((await evaluator.get(`/api/orders/${order.id}`)).statusCode).toBe(200);
    expect((await evaluator.post(`/api/orders/${order.id}/comments`, { text: '评估意见' })).statusCode).toBe(403);
    expect((await evaluator.post(`/api/orders/${order.id}/comments`, { text: '评估意见', internal: true })).statusCode).toBe(403);
    expect((await w.desk.post(`/api/orders/${order.id}/events`, { event: 'close', outcome: 'duplicate' })).statusCode).toBe(403);
  });

  it("resident: cannot move a neighbour's order (404)", async () => {
    const order = await placeAs(w.resident, portalOrder(w));
    const neighbour = await person(h, 'resident', { areaId: w.A.building.id });
    expect((await neighbour.post(`/api/orders/${order.id}/events`, { event: 'withdraw' })).statusCode).toBe(404);
  });

  it('rejects an unknown event or a missing reason with field issues', async () => {
    const order = await placeAs(w.resident, portalOrder(w));
    expect((await w.desk.post(`/api/orders/${order.id}/events`, { event: 'teleport' })).statusCode).toBe(400);
    const res = await w.desk.post(`/api/orders/${order.id}/events`, { event: 'suspend' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details?.issues?.map((i) => i.path)).toEqual(['reason']);
  });
});

describe('POST /api/orders access', () => {
  it('community_staff: cannot place a meeting order for another community (404)', async () => {
    const res = await otherDesk.post('/api/orders', {
      ...portalOrder(w),
      intake: { channel: 'meeting', communityId: w.A.community.id, meetingNote: '越权测试' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('evaluator: cannot place orders (403); nobody signed out can (401)', async () => {
    const proxy = { ...portalOrder(w), intake: { channel: 'proxy', householdId: w.household.id, consent: { method: 'phone' } } };
    expect((await evaluator.post('/api/orders', proxy)).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: '/api/orders', payload: proxy })).statusCode).toBe(401);
  });

  it('both endpoints are in the OpenAPI document with their responses', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses: object }>>;
    };
    expect(Object.keys(doc.paths['/api/orders']!.post!.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '403', '404']));
    expect(Object.keys(doc.paths['/api/orders/{id}/events']!.post!.responses)).toEqual(
      expect.arrayContaining(['200', '403', '404', '409']),
    );
  });
});
