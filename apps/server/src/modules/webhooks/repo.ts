import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, webhookDeliveries, webhooks } from '../../db/schema/index.js';
import type { SendOutcome } from './send.js';

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookWithArea = WebhookRow & { areaName: string };
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

const withArea = { hook: webhooks, areaName: areaNodes.name };

export async function listWebhooksInScope(db: Db, actor: Actor): Promise<WebhookWithArea[]> {
  const rows = await db
    .select(withArea)
    .from(webhooks)
    .innerJoin(areaNodes, eq(areaNodes.id, webhooks.areaId))
    .where(scopeFilter(actor, 'integrations.manage', scopeColumnsOf(webhooks)))
    .orderBy(desc(webhooks.createdAt));
  return rows.map((r) => ({ ...r.hook, areaName: r.areaName }));
}

export async function findWebhook(db: Db | Tx, id: string, lock = false): Promise<WebhookWithArea | undefined> {
  const q = db.select(withArea).from(webhooks).innerJoin(areaNodes, eq(areaNodes.id, webhooks.areaId)).where(eq(webhooks.id, id));
  const [row] = lock ? await q.for('update', { of: webhooks }) : await q;
  return row && { ...row.hook, areaName: row.areaName };
}

export async function insertWebhook(tx: Tx, values: typeof webhooks.$inferInsert): Promise<string> {
  const [row] = await tx.insert(webhooks).values(values).returning({ id: webhooks.id });
  return row!.id;
}

export async function updateWebhookRow(tx: Tx, id: string, patch: Partial<typeof webhooks.$inferInsert>): Promise<void> {
  await tx.update(webhooks).set(patch).where(eq(webhooks.id, id));
}

export async function deleteWebhookRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(webhooks).where(eq(webhooks.id, id));
}

export async function recentDeliveries(db: Db, webhookId: string, limit = 50): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}

export async function insertDelivery(db: Db, values: typeof webhookDeliveries.$inferInsert): Promise<DeliveryRow> {
  const [row] = await db.insert(webhookDeliveries).values(values).returning();
  return row!;
}

export async function findDelivery(db: Db, id: number): Promise<DeliveryRow | undefined> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row;
}

/** Stores the outcome of one attempt; `next` is when a still pending delivery is tried again. */
export async function recordDeliveryOutcome(
  db: Db,
  id: number,
  out: SendOutcome,
  status: 'delivered' | 'pending' | 'failed',
  next: Date | null,
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      status,
      lastStatus: out.status,
      lastError: out.error,
      ...(out.ok ? { deliveredAt: new Date() } : {}),
      ...(next ? { nextAttemptAt: next } : {}),
    })
    .where(eq(webhookDeliveries.id, id));
}
