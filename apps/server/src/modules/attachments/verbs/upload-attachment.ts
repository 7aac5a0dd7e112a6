import type { AttachmentDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { type Storage, newStorageKey } from '../../../core/storage.js';
import { sniffImageType } from '../image-type.js';
import { ATTACHMENT_LIMITS, unclaimedWindowStart } from '../limits.js';
import { ATTACHMENT_MESSAGES } from '../messages.js';
import { canUploadAttachment } from '../policy.js';
import { presentAttachment } from '../presenter.js';
import { type ReceivedFile, fileIssue } from '../receive.js';
import { countUnclaimedSince, insertAttachment } from '../repo.js';

export type UploadAttachmentInput = {
  /** where the bytes go (the routes hold it: it is the app's, not the request's) */
  storage: Storage;
  /** reads the file; called after the ability check so a refused user's body is never buffered */
  receive: () => Promise<ReceivedFile>;
};

/** Stores one image for the signed-in user, unclaimed until an order move uses it; nothing is kept on any error. */
export async function uploadAttachment({ ctx, input }: VerbArgs<UploadAttachmentInput>): Promise<AttachmentDto> {
  const actor = authorize(ctx.actor, { see: () => true, act: canUploadAttachment });
  const file = await input.receive();
  const contentType = sniffImageType(file.data);
  if (!contentType) throw fileIssue(ATTACHMENT_MESSAGES.wrongType()[ctx.locale]);
  const { maxUnclaimed, windowHours } = ATTACHMENT_LIMITS;
  if ((await countUnclaimedSince(ctx.db, actor.userId, unclaimedWindowStart(new Date()))) >= maxUnclaimed)
    throw new AppError('LIMIT_EXCEEDED', ATTACHMENT_MESSAGES.tooMany(maxUnclaimed, windowHours)[ctx.locale], { retryAfterSeconds: 3600 });
  const storageKey = newStorageKey();
  await input.storage.put(storageKey, file.data);
  try {
    return await inTx(ctx, async (tctx) => {
      const row = await insertAttachment(tctx.tx, {
        ownerId: actor.userId,
        name: file.name,
        contentType,
        size: file.data.length,
        storageKey,
      });
      await writeAudit(tctx, {
        action: 'attachment.upload',
        entityType: 'attachment',
        entityId: row.id,
        details: { contentType, size: row.size },
      });
      return presentAttachment(row);
    });
  } catch (e) {
    await input.storage.remove(storageKey);
    throw e;
  }
}
