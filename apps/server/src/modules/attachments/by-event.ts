import type { AttachmentDto } from '@linli/contracts';
import type { Db, Tx } from '../../db/pool.js';
import { presentAttachment } from './presenter.js';
import { listEventAttachments } from './repo.js';

/** An order's attachments grouped by the timeline event they came with; internal events' only when asked. */
export async function attachmentsByEvent(
  db: Db | Tx,
  orderId: string,
  opts: { includeInternal: boolean },
): Promise<Map<number, AttachmentDto[]>> {
  const byEvent = new Map<number, AttachmentDto[]>();
  for (const row of await listEventAttachments(db, orderId, opts)) {
    const list = byEvent.get(row.eventId!) ?? [];
    list.push(presentAttachment(row));
    byEvent.set(row.eventId!, list);
  }
  return byEvent;
}
