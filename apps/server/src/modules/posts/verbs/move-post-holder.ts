import { HOLDER_STATUS_LABELS, type MoveHolderInput, type PostDto, decideHolderMove } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { AppError, forbidden } from '../../../core/errors.js';
import { postView, viewerOf } from '../access.js';
import { POST_MESSAGES } from '../messages.js';
import { canReadDutyLog, holderParties } from '../policy.js';
import { lockHolder, lockPost, updateHolderRow } from '../repo.js';

/** POST /api/post-holders/:id/moves: confirm or reject a claim, withdraw one's own claim, or end a held post. */
export async function movePostHolder({ ctx, input }: VerbArgs<MoveHolderInput & { id: string }>): Promise<PostDto> {
  const postId = await inTx(ctx, async (tctx) => {
    const viewer = await viewerOf(tctx.tx, ctx.actor);
    const holder = await lockHolder(tctx.tx, input.id);
    const post = holder ? await lockPost(tctx.tx, holder.postId) : undefined;
    const found = authorize(holder && post ? { holder, post } : undefined, {
      see: ({ holder: h, post: p }) => canReadDutyLog(viewer, p, h),
      entity: 'post_holder',
    });
    const decision = decideHolderMove(found.holder.status, input.event, holderParties(viewer, found.post, found.holder));
    if (!decision.ok && decision.reason === 'party') throw forbidden();
    if (!decision.ok)
      throw new AppError(
        'INVALID_TRANSITION',
        POST_MESSAGES.moveState(HOLDER_STATUS_LABELS[found.holder.status][ctx.locale], input.event)[ctx.locale],
        {
          status: found.holder.status,
          event: input.event,
        },
      );
    const now = new Date();
    await updateHolderRow(tctx.tx, found.holder.id, {
      status: decision.to,
      ...(decision.to === 'active' ? { confirmedAt: now } : { endedAt: now }),
      ...(input.note ? { note: input.note } : {}),
    });
    await writeAudit(tctx, {
      action: 'post_holder.move',
      entityType: 'post_holder',
      entityId: found.holder.id,
      streetId: found.post.streetId,
      communityId: found.post.communityId,
      details: { event: input.event, from: found.holder.status, to: decision.to, postId: found.post.id },
    });
    return found.post.id;
  });
  return postView(ctx, postId);
}
