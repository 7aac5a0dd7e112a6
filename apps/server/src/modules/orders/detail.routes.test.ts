import { ErrorBody, OrderDto, OrderSettingsDto, TimelineDto, TimelineEntry } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditLog, orderEvents } from '../../db/schema/index.js';
import { useTestApp } from '../../testing/index.js';
import { appendOrderEvent } from './repo-events.js';
import type { OrderRow } from './repo.js';
import { type ReadWorld, orderIn, readWorld } from './read-test-kit.js';

const h = useTestApp();

describe('one order, its timeline and comments', () => {
  let w: ReadWorld;
  let order: OrderRow;
  let inB: OrderRow;
  beforeAll(async () => {
    w = await readWorld(h);
    order = await orderIn(h, w, { status: 'dispatched', handlerOrgId: w.org.id, handlerUserId: w.handler.id, placedBy: w.resident.id });
    inB = await orderIn(h, w, { status: 'placed' }, w.B);
    await appendOrderEvent(h.t.db, order, { kind: 'place', actor: { id: w.resident.id, name: w.resident.name }, toStatus: 'placed' });
    await appendOrderEvent(h.t.db, order, {
      kind: 'dispatch',
      actor: { id: w.desk.id, name: w.desk.name },
      fromStatus: 'placed',
      toStatus: 'dispatched',
    });
    await appendOrderEvent(h.t.db, order, {
      kind: 'comment',
      actor: { id: w.desk.id, name: w.desk.name },
      text: '该户曾多次投诉',
      internal: true,
    });
  });

  it('community_staff: can read the order with its names, clock, masked phone and abilities', async () => {
    const res = await w.desk.get(`/api/orders/${order.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const dto = OrderDto.parse(res.json());
    expect(dto).toMatchObject({
      id: order.id,
      status: 'dispatched',
      contactPhone: '138****5678',
      handlerOrg: { id: w.org.id, name: w.org.name },
      handlerUser: { id: w.handler.id, name: w.handler.name },
      placedBy: { id: w.resident.id, name: w.resident.name },
      service: { id: w.service.id, name: w.service.name },
      clock: { stage: 'accept', overdue: false, paused: false },
      abilities: { canComment: true, canCommentInternal: true },
    });
    expect(dto.abilities.events).toEqual(['transfer', 'suspend', 'merge', 'withdraw']);
  });

  it("handler_staff: can read their organisation's order with the handler's moves", async () => {
    const dto = OrderDto.parse((await w.handler.get(`/api/orders/${order.id}`)).json());
    expect(dto.abilities.events).toEqual(['return', 'accept']);
  });

  it("resident: can read their own order; cannot read a neighbour's (404)", async () => {
    const dto = OrderDto.parse((await w.resident.get(`/api/orders/${order.id}`)).json());
    expect(dto.abilities).toEqual({ events: ['withdraw'], canComment: true, canCommentInternal: false });
    expect((await w.neighbour.get(`/api/orders/${order.id}`)).statusCode).toBe(404);
  });

  it('community_staff: cannot read an order of another community (404)', async () => {
    expect((await w.desk.get(`/api/orders/${inB.id}`)).statusCode).toBe(404);
    expect((await w.otherHandler.get(`/api/orders/${order.id}`)).statusCode).toBe(404);
  });

  it('community_staff: can see the whole timeline, internal entries included', async () => {
    const res = await w.desk.get(`/api/orders/${order.id}/timeline`);
    expect(res.statusCode, res.body).toBe(200);
    const items = TimelineDto.parse(res.json()).items;
    expect(items.map((i) => [i.kind, i.internal])).toEqual([
      ['place', false],
      ['dispatch', false],
      ['comment', true],
    ]);
    expect(items[1]).toMatchObject({ actor: { id: w.desk.id, name: w.desk.name }, fromStatus: 'placed', toStatus: 'dispatched' });
  });

  it('resident: never sees internal entries of the timeline', async () => {
    const items = TimelineDto.parse((await w.resident.get(`/api/orders/${order.id}/timeline`)).json()).items;
    expect(items.map((i) => i.kind)).toEqual(['place', 'dispatch']);
  });

  it('community_staff: cannot read the timeline of another community (404)', async () => {
    expect((await w.desk.get(`/api/orders/${inB.id}/timeline`)).statusCode).toBe(404);
  });

  it('resident: can comment with a photo, audited, and the comment shows in the timeline', async () => {
    const [file] = await h.t.db
      .insert(attachments)
      .values({ ownerId: w.resident.id, name: 'leak.jpg', contentType: 'image/jpeg', size: 1234, storageKey: 'x/leak.jpg' })
      .returning();
    const res = await w.resident.post(`/api/orders/${order.id}/comments`, { text: '水还在滴', attachmentIds: [file!.id] });
    expect(res.statusCode, res.body).toBe(201);
    const entry = TimelineEntry.parse(res.json());
    expect(entry).toMatchObject({ kind: 'comment', text: '水还在滴', internal: false, actor: { id: w.resident.id } });
    expect(entry.attachments.map((a) => a.id)).toEqual([file!.id]);
    const audit = await h.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'order.comment'), eq(auditLog.entityId, order.id)));
    expect(audit).toHaveLength(1);
    const timeline = TimelineDto.parse((await w.resident.get(`/api/orders/${order.id}/timeline`)).json()).items;
    expect(timeline.at(-1)!.attachments.map((a) => a.url)).toEqual([`/api/attachments/${file!.id}/content`]);
  });

  it('resident: cannot comment internally (403), and nothing is stored', async () => {
    const before = (await h.t.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).length;
    const res = await w.resident.post(`/api/orders/${order.id}/comments`, { text: '内部', internal: true });
    expect(res.statusCode).toBe(403);
    expect((await h.t.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).length).toBe(before);
  });

  it('handler_staff: can comment internally; the resident does not see it', async () => {
    const res = await w.handler.post(`/api/orders/${order.id}/comments`, { text: '需要物业配合关闸', internal: true });
    expect(res.statusCode, res.body).toBe(201);
    const items = TimelineDto.parse((await w.resident.get(`/api/orders/${order.id}/timeline`)).json()).items;
    expect(items.map((i) => i.text)).not.toContain('需要物业配合关闸');
  });

  it("community_staff: cannot claim someone else's photo (400), and nothing is stored", async () => {
    const [file] = await h.t.db
      .insert(attachments)
      .values({ ownerId: w.resident.id, name: 'a.jpg', contentType: 'image/jpeg', size: 10, storageKey: 'x/a.jpg' })
      .returning();
    const before = (await h.t.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).length;
    const res = await w.desk.post(`/api/orders/${order.id}/comments`, { text: '看图', attachmentIds: [file!.id] });
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.details?.issues?.[0]?.path).toBe('attachmentIds');
    expect((await h.t.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).length).toBe(before);
  });

  it('community_staff: cannot comment on an order of another community (404)', async () => {
    expect((await w.desk.post(`/api/orders/${inB.id}/comments`, { text: '你好' })).statusCode).toBe(404);
    expect((await w.neighbour.post(`/api/orders/${order.id}/comments`, { text: '你好' })).statusCode).toBe(404);
  });
});

describe('community order settings', () => {
  let w: ReadWorld;
  beforeAll(async () => {
    w = await readWorld(h);
  });
  const url = () => `/api/communities/${w.A.community.id}/order-settings`;

  it('community_staff: can read the settings (the street closes by default) but cannot change them (403)', async () => {
    const res = await w.desk.get(url());
    expect(res.statusCode, res.body).toBe(200);
    expect(OrderSettingsDto.parse(res.json())).toEqual({
      communityId: w.A.community.id,
      communityMayClose: false,
      abilities: { canEdit: false },
    });
    expect((await w.desk.put(url(), { communityMayClose: true })).statusCode).toBe(403);
  });

  it('community_staff: cannot read the settings of another community (404)', async () => {
    expect((await w.desk.get(`/api/communities/${w.B.community.id}/order-settings`)).statusCode).toBe(404);
    expect((await w.desk.get(`/api/communities/${w.A.building.id}/order-settings`)).statusCode).toBe(404);
    expect((await w.deskB.put(url(), { communityMayClose: true })).statusCode).toBe(404);
  });

  it('street_supervisor: can let the community admin close, audited; the admin then sees close on a confirmed order', async () => {
    const confirmed = await orderIn(h, w, { status: 'confirmed' });
    const before = OrderDto.parse((await w.admin.get(`/api/orders/${confirmed.id}`)).json());
    expect(before.abilities.events).not.toContain('close');
    const res = await w.street.put(url(), { communityMayClose: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(OrderSettingsDto.parse(res.json())).toMatchObject({ communityMayClose: true, abilities: { canEdit: true } });
    const audit = await h.t.db.select().from(auditLog).where(eq(auditLog.action, 'order_settings.update'));
    expect(audit.map((a) => a.details)).toEqual([{ communityMayClose: { from: false, to: true } }]);
    const after = OrderDto.parse((await w.admin.get(`/api/orders/${confirmed.id}`)).json());
    expect(after.abilities.events).toContain('close');
  });
});
