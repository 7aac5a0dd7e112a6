import type { Readable } from 'node:stream';
import type { AttachmentDto } from '@linli/contracts';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { type AuthedCtx, inTx } from '../../core/context.js';
import { writeAudit } from '../../core/audit.js';
import { type Storage, newStorageKey } from '../../core/storage.js';
import { attachments } from '../../db/schema/index.js';
import { loadReadableOrder } from '../orders/read-service.js';
import { canSeeInternal } from '../orders/policy.js';
import { ATTACHMENT_LIMITS, unclaimedWindowStart } from './limits.js';
import { ATTACHMENT_MESSAGES } from './messages.js';
import { canReadUnclaimed, canUploadAttachment } from './policy.js';
import { type ReceivedFile, fileIssue } from './receive.js';
import { countUnclaimedSince, findAttachment } from './repo.js';
import { sniffImageType } from './image-type.js';
import { presentAttachment } from './url.js';

type Deps = { storage: Storage };

/** Stores one image for the signed-in user, unclaimed until an order move uses it; nothing is kept on any error. */
export async function uploadAttachment({
  ctx,
  deps,
  receive,
}: {
  ctx: AuthedCtx;
  deps: Deps;
  /** reads the file; called after the ability check so a refused user's body is never buffered */
  receive: () => Promise<ReceivedFile>;
}): Promise<AttachmentDto> {
  if (!canUploadAttachment(ctx.actor)) throw forbidden();
  const input = await receive();
  const contentType = sniffImageType(input.data);
  if (!contentType) throw fileIssue(ATTACHMENT_MESSAGES.wrongType()[ctx.locale]);
  const { maxUnclaimed, windowHours } = ATTACHMENT_LIMITS;
  if ((await countUnclaimedSince(ctx.db, ctx.actor.userId, unclaimedWindowStart(new Date()))) >= maxUnclaimed)
    throw new AppError('LIMIT_EXCEEDED', ATTACHMENT_MESSAGES.tooMany(maxUnclaimed, windowHours)[ctx.locale], { retryAfterSeconds: 3600 });
  const storageKey = newStorageKey();
  await deps.storage.put(storageKey, input.data);
  try {
    return await inTx(ctx, async (tctx) => {
      const [row] = await tctx.tx
        .insert(attachments)
        .values({ ownerId: ctx.actor.userId, name: input.name, contentType, size: input.data.length, storageKey })
        .returning();
      await writeAudit(tctx, {
        action: 'attachment.upload',
        entityType: 'attachment',
        entityId: row!.id,
        details: { contentType, size: row!.size },
      });
      return presentAttachment(row!);
    });
  } catch (e) {
    await deps.storage.remove(storageKey);
    throw e;
  }
}

export type AttachmentContent = { contentType: string; size: number; stream: Readable };

/**
 * The bytes of an attachment: its owner's while unused; once on an order, whoever may read the order, except that an
 * internal entry's photos stay with staff and handlers. Anything else answers 404.
 */
export async function readAttachmentContent({ ctx, deps, id }: { ctx: AuthedCtx; deps: Deps; id: string }): Promise<AttachmentContent> {
  const row = await findAttachment(ctx.db, id);
  if (!row) throw notFound('attachment');
  if (row.orderId === null) {
    if (!canReadUnclaimed(ctx.actor, row)) throw notFound('attachment');
  } else {
    const order = await loadReadableOrder(ctx, row.orderId);
    if (row.internal !== false && !canSeeInternal(ctx.actor, order)) throw notFound('attachment');
  }
  const stream = await deps.storage.get(row.storageKey);
  if (!stream) throw notFound('attachment');
  return { contentType: row.contentType, size: row.size, stream };
}
