import { eq, inArray, sql } from 'drizzle-orm';
import type { Pii } from '../core/pii.js';
import type { Db } from '../db/pool.js';
import { webhookDeliveries, webhooks } from '../db/schema/index.js';
import { recordDeliveryOutcome } from '../modules/webhooks/repo.js';
import { type SendOutcome, sendWebhook } from '../modules/webhooks/send.js';
import { claimDue, nextAttemptAfter } from './retry.js';

export const WEBHOOK_JOB = 'webhooks';
const BATCH = 20;

/** Records one attempt: delivered, retried later with backoff, or failed after the last attempt. */
export async function recordAttempt(
  db: Db,
  delivery: { id: number; attempts: number },
  out: SendOutcome,
  now: Date,
): Promise<'delivered' | 'pending' | 'failed'> {
  const next = out.ok ? null : nextAttemptAfter(delivery.attempts, now);
  const status = out.ok ? 'delivered' : next ? 'pending' : 'failed';
  await recordDeliveryOutcome(db, delivery.id, out, status, next);
  return status;
}

/**
 * One pass of the webhook sender: POSTs the due deliveries of active webhooks in parallel, signed with each
 * webhook's secret; failures are retried with backoff (1 min, 5 min, 30 min, 2 h, 12 h), then marked failed.
 */
export async function runWebhookPass(
  db: Db,
  deps: { pii: Pii },
  now: Date = new Date(),
): Promise<{ delivered: number; failed: number; retrying: number }> {
  const active = sql`AND webhook_id IN (SELECT id FROM webhooks WHERE active)`;
  const claimed = await claimDue<{ id: number; attempts: number }>(db, 'webhook_deliveries', now, BATCH, active);
  const result = { delivered: 0, failed: 0, retrying: 0 };
  if (claimed.length === 0) return result;
  const rows = await db
    .select({ delivery: webhookDeliveries, url: webhooks.url, secretEnc: webhooks.secretEnc })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(
      inArray(
        webhookDeliveries.id,
        claimed.map((c) => Number(c.id)),
      ),
    );
  await Promise.all(
    rows.map(async ({ delivery, url, secretEnc }) => {
      const body = JSON.stringify(delivery.payload);
      const out = await sendWebhook(
        { url, secret: deps.pii.decrypt(secretEnc) },
        { id: delivery.id, type: String(delivery.payload.type), body },
      );
      const status = await recordAttempt(db, delivery, out, now);
      result[status === 'delivered' ? 'delivered' : status === 'failed' ? 'failed' : 'retrying']++;
    }),
  );
  return result;
}
