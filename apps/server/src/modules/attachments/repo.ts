import { and, count, eq, gte, isNull } from 'drizzle-orm';
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
