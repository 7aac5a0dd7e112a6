import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, jobRuns, notifications, orderEvents, users, webhookDeliveries, webhooks } from '../db/schema/index.js';
import { type NewOrderEvent, appendOrderEvent } from '../modules/orders/repo-events.js';
import {
  type OrderRow,
  type Tree,
  buildCommunityTree,
  buildOrderRow,
  buildOrg,
  buildService,
  buildUser,
  testPii,
  useTestDb,
} from '../testing/index.js';
import { OUTBOX_JOB, runOutboxPass } from './outbox-pass.js';
import { startJobRunner } from './runner.js';

const t = useTestDb();
let A: Tree;
let B: Tree;
let order: OrderRow;
const residentId = randomUUID();
const people = {} as Record<
  'resident' | 'handler' | 'handler2' | 'desk' | 'admin' | 'grid' | 'street' | 'deskB' | 'otherOrg',
  { id: string }
>;

async function person(
  key: keyof typeof people,
  role: Parameters<typeof buildUser>[1],
  scope: Parameters<typeof buildUser>[2],
  set: Partial<typeof users.$inferInsert> = {},
) {
  const u = await buildUser(t.db, role, scope);
  if (Object.keys(set).length) await t.db.update(users).set(set).where(eq(users.id, u.id));
  people[key] = u;
}

/** Appends `event` to the order, runs one outbox pass and answers who was told (by key of `people`). */
async function told(event: NewOrderEvent, deps = { email: false }) {
  const id = await appendOrderEvent(t.db, order, event);
  await runOutboxPass(t.db, deps, new Date());
  const rows = await t.db.select().from(notifications).where(eq(notifications.eventId, id));
  const names = Object.entries(people)
    .filter(([, u]) => rows.some((r) => r.userId === u.id))
    .map(([k]) => k)
    .sort();
  return { id, rows, names };
}

const actor = (key: keyof typeof people) => ({ id: people[key].id, name: key });

beforeAll(async () => {
  A = await buildCommunityTree(t.db);
  B = await buildCommunityTree(t.db, A.street);
  const org = await buildOrg(t.db, A.street);
  const other = await buildOrg(t.db, A.street);
  const service = await buildService(t.db, A.street, { name: '水管维修', defaultHandlerOrgId: org.id });
  await person('resident', 'resident', { areaId: A.building.id }, { residentId, locale: 'en', email: 'resident@example.org' });
  await person('handler', 'handler_staff', { orgId: org.id });
  await person('handler2', 'handler_staff', { orgId: org.id });
  await person('otherOrg', 'handler_staff', { orgId: other.id });
  await person('desk', 'community_staff', { areaId: A.community.id }, { email: 'desk@example.org' });
  await person('admin', 'community_admin', { areaId: A.community.id });
  await person('grid', 'grid_worker', { areaId: A.grid.id });
  await person('street', 'street_supervisor', { areaId: A.street.id });
  await person('deskB', 'community_staff', { areaId: B.community.id });
  order = await buildOrderRow(t.db, service, A.building, {
    status: 'dispatched',
    residentId,
    handlerOrgId: org.id,
    orderNo: '202611230000001',
  });
});

describe('outbox pass: who is told', () => {
  it('place: the desk of the community, not the resident who placed it', async () => {
    expect((await told({ kind: 'place', actor: actor('resident') })).names).toEqual(['admin', 'desk']);
  });

  it('dispatch: the resident and the handler organisation, never the dispatcher', async () => {
    const r = await told({ kind: 'dispatch', actor: actor('desk'), details: { handlerOrgId: null } });
    expect(r.names).toEqual(['handler', 'handler2', 'resident']);
    const toResident = r.rows.find((n) => n.userId === people.resident.id)!;
    expect(toResident.title).toBe('Order 202611230000001 (水管维修): dispatched');
    expect(r.rows.find((n) => n.userId === people.handler.id)!.title).toBe('工单 202611230000001（水管维修）派给你单位的新工单');
  });

  it('an internal comment reaches the handler staff but never the resident', async () => {
    expect((await told({ kind: 'comment', actor: actor('handler'), internal: true, text: 'inside' })).names).toEqual(['handler2']);
    expect((await told({ kind: 'comment', actor: actor('handler'), text: 'outside' })).names).toEqual(['handler2', 'resident']);
  });

  it('a reminder of the handling stage: the handler; of the dispatch stage: the desk', async () => {
    expect((await told({ kind: 'reminder', internal: true, details: { stage: 'handle' } })).names).toEqual(['handler', 'handler2']);
    expect((await told({ kind: 'reminder', internal: true, details: { stage: 'dispatch' } })).names).toEqual(['admin', 'desk']);
  });

  it('overdue: the handler, the desk and the grid; escalation climbs to the community admin, then the street', async () => {
    const overdue = await told({ kind: 'overdue', details: { stage: 'handle', level: 'grid' } });
    expect(overdue.names).toEqual(['admin', 'desk', 'grid', 'handler', 'handler2']);
    expect((await told({ kind: 'escalate', details: { stage: 'handle', level: 'community' } })).names).toEqual(['admin']);
    expect((await told({ kind: 'escalate', details: { stage: 'handle', level: 'street' } })).names).toEqual(['street']);
  });

  it('merge tells the resident which order theirs joined', async () => {
    const r = await told({ kind: 'merge', actor: actor('desk'), details: { intoOrderNo: '202611230000042' } });
    expect(r.names).toEqual(['resident']);
    expect(r.rows[0]!.title).toContain('joined order 202611230000042');
  });
});

describe('outbox pass: delivery', () => {
  it('marks events dispatched and never notifies twice, even when an event is dispatched again', async () => {
    const { id, rows } = await told({ kind: 'accept', actor: actor('handler') });
    expect(rows).toHaveLength(1);
    const [ev] = await t.db.select().from(orderEvents).where(eq(orderEvents.id, id));
    expect(ev!.notifiedAt).not.toBeNull();
    await t.db.update(orderEvents).set({ notifiedAt: null }).where(eq(orderEvents.id, id));
    expect(await runOutboxPass(t.db, { email: false })).toMatchObject({ events: 1, notifications: 0 });
    expect(await t.db.select().from(notifications).where(eq(notifications.eventId, id))).toHaveLength(1);
  });

  it('queues e-mail for recipients with an address only when SMTP is configured', async () => {
    const off = await told({ kind: 'close', actor: actor('street') });
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.subject, off.rows[0]!.title))).toEqual([]);
    const on = await told({ kind: 'handle', actor: actor('handler') }, { email: true });
    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.subject, on.rows[0]!.title));
    expect(mails.map((m) => m.to)).toEqual(['resident@example.org']);
  });

  it('queues webhook deliveries for subscribed kinds inside the webhook area, never internal entries', async () => {
    const [hook] = await t.db
      .insert(webhooks)
      .values({
        name: 'h',
        url: 'http://127.0.0.1:9/x',
        secretEnc: testPii.encrypt('s'),
        events: ['comment', 'withdraw'],
        areaId: A.street.id,
        districtId: A.district.id,
        streetId: A.street.id,
      })
      .returning();
    const [elsewhere] = await t.db
      .insert(webhooks)
      .values({
        name: 'o',
        url: 'http://127.0.0.1:9/y',
        secretEnc: testPii.encrypt('s'),
        events: ['comment'],
        areaId: A.district.id,
        districtId: randomUUID(),
        streetId: null,
      })
      .returning();
    const internal = await told({ kind: 'comment', actor: actor('handler'), internal: true, text: 'secret note' });
    const visible = await told({ kind: 'comment', actor: actor('handler'), text: 'on my way' });
    const unsubscribed = await told({ kind: 'accept', actor: actor('handler') });
    const rows = await t.db
      .select()
      .from(webhookDeliveries)
      .where(and(inArray(webhookDeliveries.webhookId, [hook!.id, elsewhere!.id])));
    expect(rows.map((r) => [r.webhookId, r.eventId])).toEqual([[hook!.id, visible.id]]);
    expect(rows[0]!.payload).toMatchObject({
      id: String(visible.id),
      type: 'order.comment',
      order: { id: order.id, orderNo: order.orderNo, status: 'dispatched', communityId: A.community.id },
      event: { kind: 'comment', text: 'on my way' },
    });
    expect([internal.id, unsubscribed.id]).not.toContain(rows[0]!.eventId);
  });

  it('skips an event that cannot be dispatched, and still dispatches the others of its batch', async () => {
    const poisonService = await buildService(t.db, A.street, { name: 'POISON' });
    const poisoned = await buildOrderRow(t.db, poisonService, A.building, { status: 'placed', residentId });
    await t.db.execute(sql`CREATE FUNCTION reject_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title LIKE '%POISON%' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$`);
    await t.db.execute(sql`CREATE TRIGGER reject_poison BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION reject_poison()`);
    try {
      const bad = await appendOrderEvent(t.db, poisoned, { kind: 'place', actor: actor('resident') });
      const good = await appendOrderEvent(t.db, order, { kind: 'place', actor: actor('resident') });
      const r = await runOutboxPass(t.db, { email: false });
      expect(r.skipped).toEqual([bad]);
      expect(await t.db.select().from(notifications).where(eq(notifications.eventId, good))).toHaveLength(2);
      const pending = await t.db.execute(sql`SELECT count(*)::int AS n FROM order_events WHERE notified_at IS NULL`);
      expect(pending.rows[0]).toEqual({ n: 0 });
    } finally {
      await t.db.execute(sql`DROP TRIGGER reject_poison ON notifications`);
    }
  });

  it('logs a failing batch and records it in job_runs with the event it skipped', async () => {
    const poisonService = await buildService(t.db, A.street, { name: 'TOXIC' });
    const poisoned = await buildOrderRow(t.db, poisonService, A.building, { status: 'placed', residentId });
    await t.db.execute(sql`CREATE FUNCTION reject_toxic() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title LIKE '%TOXIC%' THEN RAISE EXCEPTION 'toxic title'; END IF; RETURN NEW; END $$`);
    await t.db.execute(sql`CREATE TRIGGER reject_toxic BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION reject_toxic()`);
    const logs: string[] = [];
    try {
      const bad = await appendOrderEvent(t.db, poisoned, { kind: 'place', actor: actor('resident') });
      const runner = startJobRunner(t.db, [
        { name: OUTBOX_JOB, everyMs: 3_600_000, pass: (now) => runOutboxPass(t.db, { email: false, log: (m) => logs.push(m) }, now) },
      ]);
      let row: typeof jobRuns.$inferSelect | undefined;
      for (let i = 0; i < 200 && !row; i++) {
        await new Promise((r) => setTimeout(r, 20));
        [row] = await t.db.select().from(jobRuns).where(eq(jobRuns.name, OUTBOX_JOB));
      }
      await runner.stop();
      expect(row!.lastResult).toMatchObject({
        skipped: [bad],
        errors: [expect.stringMatching(/^batch failed.*toxic title/), `event ${bad} skipped: toxic title`],
      });
      expect(logs).toEqual([expect.stringMatching(/^outbox: batch failed.*toxic title/), `outbox: event ${bad} skipped: toxic title`]);
    } finally {
      await t.db.execute(sql`DROP TRIGGER reject_toxic ON notifications`);
    }
  });
});
