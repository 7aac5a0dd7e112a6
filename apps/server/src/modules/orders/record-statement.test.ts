import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, communityOrderSettings, orderEvents, orders } from '../../db/schema/index.js';
import { type Tree, buildCommunityTree, buildService, testPii, useTestDb } from '../../testing/index.js';
import { inTx, systemCtx } from '../../core/context.js';
import { recordPlaced } from './record.js';
import type { ServiceRow } from './repo.js';
import { ORDER_EVENTS_CHANNEL } from './repo-events.js';
import { locationOfCommunity } from './repo-places.js';

const t = useTestDb();
let tree: Tree;
let service: ServiceRow;
const listener = { client: null as pg.Client | null, got: [] as string[] };
beforeAll(async () => {
  tree = await buildCommunityTree(t.db);
  service = await buildService(t.db, tree.street);
  listener.client = new pg.Client({ connectionString: t.url });
  await listener.client.connect();
  listener.client.on('notification', (n) => {
    if (n.channel === ORDER_EVENTS_CHANNEL && n.payload) listener.got.push(n.payload);
  });
  await listener.client.query(`LISTEN ${ORDER_EVENTS_CHANNEL}`);
});
afterAll(async () => {
  await listener.client?.end();
});

async function place(description: string) {
  const location = (await locationOfCommunity(t.db, tree.community.id, '社区广场'))!;
  const ctx = { ...systemCtx(t.db, testPii), ip: '10.0.0.9', requestId: 'req-e1' };
  return inTx(ctx, (tctx) =>
    recordPlaced(tctx, {
      service,
      location,
      channel: 'desk',
      description,
      fields: {},
      contact: { name: '王阿姨', phone: '13800001234', email: null },
      placedBy: null,
      consent: null,
      idempotencyKey: null,
      open311Token: null,
      lat: null,
      long: null,
      attachmentIds: [],
      ownerId: null,
      intakeDetails: { via: 'phone' },
      audit: { actorName: 'desk-key', details: { attachments: 0 } },
    }),
  );
}

async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('placing an order in one statement', () => {
  it('answers the row as stored, with its place event, its audit row (number included) and a wake-up of the outbox', async () => {
    const placed = await place('路灯不亮');
    const [stored] = await t.db.select().from(orders).where(eq(orders.id, placed.order.id));
    expect(placed.order).toEqual(stored);
    const events = await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, placed.order.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: placed.eventId,
      kind: 'place',
      toStatus: 'placed',
      text: '路灯不亮',
      at: stored!.placedAt,
      details: { channel: 'desk', serviceId: service.id, via: 'phone' },
    });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'order.place'), eq(auditLog.entityId, placed.order.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorName: 'desk-key',
      entityType: 'order',
      outcome: 'ok',
      ip: '10.0.0.9',
      requestId: 'req-e1',
      streetId: tree.street.id,
      communityId: tree.community.id,
      details: { orderNo: stored!.orderNo, channel: 'desk', serviceId: service.id, attachments: 0 },
    });
    await eventually(() => listener.got.includes(placed.order.id));
    expect(listener.got).toContain(placed.order.id);
  });

  it("answers whether the community's admin may close its orders", async () => {
    expect((await place('井盖松动')).communityMayClose).toBe(false);
    await t.db.insert(communityOrderSettings).values({ communityId: tree.community.id, communityMayClose: true });
    expect((await place('楼道灯坏了')).communityMayClose).toBe(true);
  });

  it('keeps every digit of a sequence value past seven digits', async () => {
    await t.pool.query(`SELECT setval('order_no_seq', 12345677)`);
    expect((await place('垃圾未清运')).order.orderNo).toMatch(/^\d{8}12345678$/);
  });
});
