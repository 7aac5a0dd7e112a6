import type { AttachmentDto } from '@linli/contracts';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { attachments, orderEvents } from '../../db/schema/index.js';
import { presentAttachment } from './url.js';

/** An order's attachments grouped by the timeline event they came with; internal events' only when asked. */
export async function attachmentsByEvent(
  db: Db | Tx,
  orderId: string,
  opts: { includeInternal: boolean },
): Promise<Map<number, AttachmentDto[]>> {
  const rows = await db
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
  const byEvent = new Map<number, AttachmentDto[]>();
  for (const row of rows) {
    const list = byEvent.get(row.eventId!) ?? [];
    list.push(presentAttachment(row));
    byEvent.set(row.eventId!, list);
  }
  return byEvent;
}
