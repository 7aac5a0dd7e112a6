import { sql } from 'drizzle-orm';
import { safeErrorMessage } from '../db/connection-errors.js';
import type { Db, Tx } from '../db/pool.js';
import { emailOutbox, notifications } from '../db/schema/index.js';
import { NOTIFICATIONS_CHANNEL } from '../modules/notifications/channel.js';
import { type RecipientRow, recipientsOf } from '../modules/notifications/repo-recipients.js';
import { notificationText } from '../modules/notifications/notification-text.js';
import { queueWebhookDeliveries } from '../modules/webhooks/repo-queue.js';

export const OUTBOX_JOB = 'outbox';
const BATCH = 500;
const MAX_BATCHES = 20;
const INSERT_CHUNK = 1000;

export type OutboxDeps = {
  /** e-mail rows are written only when an SMTP server is configured */
  email: boolean;
  /** where a failed batch or event is reported (it is also in the result, which job_runs keeps) */
  log?: (msg: string) => void;
};

export type OutboxResult = {
  events: number;
  notifications: number;
  emails: number;
  webhooks: number;
  skipped: number[];
  /** why a batch or an event failed, without any of its data */
  errors: string[];
};

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function writeNotifications(tx: Tx, rows: RecipientRow[], now: Date) {
  const inserted: { userId: string; title: string; body: string; email: string | null }[] = [];
  for (const part of chunks(rows, INSERT_CHUNK)) {
    const texts = part.map((r) => ({ r, ...notificationText(r) }));
    const created = await tx
      .insert(notifications)
      .values(
        texts.map(({ r, title, body }) => ({
          userId: r.userId,
          orderId: r.orderId,
          eventId: r.eventId,
          kind: r.kind,
          title,
          body,
          createdAt: now,
        })),
      )
      .onConflictDoNothing({ target: [notifications.eventId, notifications.userId] })
      .returning({ userId: notifications.userId, eventId: notifications.eventId });
    const key = (userId: string, eventId: number | null) => `${eventId}/${userId}`;
    const fresh = new Set(created.map((c) => key(c.userId, c.eventId)));
    for (const x of texts)
      if (fresh.has(key(x.r.userId, x.r.eventId))) inserted.push({ userId: x.r.userId, title: x.title, body: x.body, email: x.r.email });
  }
  return inserted;
}

type BatchResult = Omit<OutboxResult, 'skipped' | 'errors'>;
const NONE: BatchResult = { events: 0, notifications: 0, emails: 0, webhooks: 0 };
function plus(into: BatchResult, r: BatchResult): void {
  into.events += r.events;
  into.notifications += r.notifications;
  into.emails += r.emails;
  into.webhooks += r.webhooks;
}
const pending = (only?: number) =>
  sql`SELECT id FROM order_events WHERE notified_at IS NULL ${only === undefined ? sql`` : sql`AND id = ${only}`}
      ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;

/** One claimed batch: recipients, notifications, e-mail, webhook deliveries, then the events are marked sent. */
async function dispatchBatch(db: Db, deps: OutboxDeps, now: Date, only?: number): Promise<BatchResult> {
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<{ id: number }>(pending(only));
    const ids = claimed.rows.map((r) => Number(r.id));
    if (ids.length === 0) return NONE;
    const inserted = await writeNotifications(tx, await recipientsOf(tx, ids), now);
    const mails = deps.email ? inserted.filter((n) => n.email) : [];
    for (const part of chunks(mails, INSERT_CHUNK))
      await tx
        .insert(emailOutbox)
        .values(part.map((n) => ({ to: n.email!, subject: n.title, body: n.body || n.title, nextAttemptAt: now, createdAt: now })));
    const webhooks = await queueWebhookDeliveries(tx, ids, now);
    await tx.execute(sql`UPDATE order_events SET notified_at = ${now}::timestamptz WHERE id = ANY(${sql.param(ids)}::bigint[])`);
    const users = [...new Set(inserted.map((n) => n.userId))];
    if (users.length > 0)
      await tx.execute(sql`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, u::text) FROM unnest(${sql.param(users)}::uuid[]) AS u`);
    return { events: ids.length, notifications: inserted.length, emails: mails.length, webhooks };
  });
}

/**
 * One pass of the outbox dispatcher: turns order events not yet dispatched into notifications (once per event and
 * user), e-mail and webhook deliveries. Batches are claimed with SKIP LOCKED, so several servers share the work.
 */
export async function runOutboxPass(db: Db, deps: OutboxDeps, now: Date = new Date()): Promise<OutboxResult> {
  const total: OutboxResult = { ...NONE, skipped: [], errors: [] };
  const failed = (what: string, e: unknown) => {
    const error = `${what}: ${safeErrorMessage(e)}`;
    total.errors.push(error);
    deps.log?.(`outbox: ${error}`);
  };
  for (let i = 0; i < MAX_BATCHES; i++) {
    let r: BatchResult;
    try {
      r = await dispatchBatch(db, deps, now);
    } catch (e) {
      failed('batch failed, dispatching its events one by one', e);
      r = await dispatchOneByOne(db, deps, now, (id, err) => {
        total.skipped.push(id);
        failed(`event ${id} skipped`, err);
      });
    }
    plus(total, r);
    if (r.events < BATCH) break;
  }
  return total;
}

/**
 * After a batch failed: the same events one at a time, so one bad event cannot block the outbox for good. An event
 * that fails alone is marked dispatched without notifications and reported to `skip` (kept in job_runs).
 */
async function dispatchOneByOne(
  db: Db,
  deps: OutboxDeps,
  now: Date,
  skip: (eventId: number, error: unknown) => void,
): Promise<BatchResult> {
  const next = await db.execute<{ id: number }>(sql`SELECT id FROM order_events WHERE notified_at IS NULL ORDER BY id LIMIT ${BATCH}`);
  const sum = { ...NONE };
  for (const { id } of next.rows) {
    try {
      plus(sum, await dispatchBatch(db, deps, now, Number(id)));
    } catch (e) {
      await db.execute(sql`UPDATE order_events SET notified_at = ${now}::timestamptz WHERE id = ${Number(id)}`);
      skip(Number(id), e);
      sum.events++;
    }
  }
  return sum;
}
