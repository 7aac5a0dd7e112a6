import type { Readable } from 'node:stream';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import type { Storage } from '../../../core/storage.js';
import { loadReadableOrder } from '../../orders/access.js';
import { canSeeInternal } from '../../orders/policy.js';
import { canReadUnclaimed } from '../policy.js';
import { findAttachment } from '../repo.js';

export type AttachmentContent = { contentType: string; size: number; stream: Readable };

/**
 * The bytes of an attachment: its owner's while unused; once on an order, whoever may read the order, except that an
 * internal entry's photos stay with staff and handlers. Anything else answers 404.
 */
export async function readAttachmentContent({ ctx, input }: VerbArgs<{ id: string; storage: Storage }>): Promise<AttachmentContent> {
  const row = authorize(await findAttachment(ctx.db, input.id), {
    see: (a) => a.orderId !== null || canReadUnclaimed(ctx.actor, a),
    entity: 'attachment',
  });
  if (row.orderId !== null) {
    const order = await loadReadableOrder(ctx, row.orderId);
    authorize(row, { see: (a) => a.internal === false || canSeeInternal(ctx.actor, order), entity: 'attachment' });
  }
  const stream = await input.storage.get(row.storageKey);
  if (!stream) throw notFound('attachment');
  return { contentType: row.contentType, size: row.size, stream };
}
