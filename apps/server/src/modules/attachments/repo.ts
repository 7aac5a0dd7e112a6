import { and, asc, count, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { attachments, orderEvents } from '../../db/schema/index.js';

export type AttachmentRow = typeof attachments.$inferSelect;

/** How many uploads `ownerId` made since `since` that no order uses yet. */
export async function countUnclaimedSince(db: Db | Tx, ownerId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(attachments)
    .where(and(eq(attachments.ownerId, ownerId), isNull(attachments.orderId), gte(attachments.createdAt, since)));
  return row?.n ?? 0;
}

/** One attachment with whether the event it came with is internal (null while unclaimed). */
export async function findAttachment(db: Db | Tx, id: string): Promise<(AttachmentRow & { internal: boolean | null }) | undefined> {
  const [row] = await db
    .select({ row: attachments, internal: orderEvents.internal })
    .from(attachments)
    .leftJoin(orderEvents, eq(orderEvents.id, attachments.eventId))
    .where(eq(attachments.id, id));
  return row ? { ...row.row, internal: row.internal } : undefined;
}

export async function insertAttachment(tx: Tx, values: typeof attachments.$inferInsert): Promise<AttachmentRow> {
  const [row] = await tx.insert(attachments).values(values).returning();
  return row!;
}

/** Links those of `ids` that `ownerId` uploaded and no order uses yet to the order event; returns the ids it linked. */
export async function claimUnused(tx: Tx, claim: { ids: string[]; ownerId: string; orderId: string; eventId: number }): Promise<string[]> {
  const rows = await tx
    .update(attachments)
    .set({ orderId: claim.orderId, eventId: claim.eventId })
    .where(and(inArray(attachments.id, claim.ids), eq(attachments.ownerId, claim.ownerId), isNull(attachments.orderId)))
    .returning({ id: attachments.id });
  return rows.map((r) => r.id);
}

/** An order's claimed attachments with their event, oldest first; internal events' only when asked. */
export async function listEventAttachments(db: Db | Tx, orderId: string, opts: { includeInternal: boolean }) {
  return db
    .select({
      id: attachments.id,
      eventId: attachments.eventId,
      name: attachments.name,
      contentType: attachments.contentType,
      size: attachments.size,
    })
    .from(attachments)
    .innerJoin(orderEvents, eq(orderEvents.id, attachments.eventId))
    .where(
      and(
        eq(attachments.orderId, orderId),
        isNotNull(attachments.eventId),
        opts.includeInternal ? undefined : eq(orderEvents.internal, false),
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** Deletes up to `limit` uploads no order used, made before `before`, skipping rows others hold; returns their storage keys. */
export async function deleteUnclaimedBefore(db: Db, before: Date, limit: number): Promise<string[]> {
  const { rows } = await db.execute<{ storage_key: string }>(sql`
    DELETE FROM attachments WHERE id IN (
      SELECT id FROM attachments WHERE order_id IS NULL AND created_at < ${before.toISOString()} LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ) RETURNING storage_key`);
  return rows.map((r) => r.storage_key);
}
