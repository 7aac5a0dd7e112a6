import type { PostDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { findOwnMember } from '../../party/repo-members.js';
import { postView } from '../access.js';
import { POST_MESSAGES } from '../messages.js';
import { asOccupation, occupyPost } from '../occupy.js';
import { canSeePost } from '../policy.js';
import { lockPost } from '../repo.js';

/** POST /api/posts/:id/claim: a party member of the post's community claims it (认岗); staff then confirm or reject. */
export async function claimPost({ ctx, input }: VerbArgs<{ id: string }>): Promise<PostDto> {
  await asOccupation(ctx, () =>
    inTx(ctx, async (tctx) => {
      const member = await findOwnMember(tctx.tx, ctx.actor);
      const viewer = { actor: ctx.actor, member: member ? { id: member.id, communityId: member.communityId } : null };
      const post = authorize(await lockPost(tctx.tx, input.id), { see: (p) => canSeePost(viewer, p), entity: 'post' });
      if (!member || member.communityId !== post.communityId) throw new AppError('FORBIDDEN', POST_MESSAGES.notMember()[ctx.locale]);
      const holderId = await occupyPost(tctx, post, { memberId: member.id, residentId: member.residentId, status: 'claimed' });
      await writeAudit(tctx, {
        action: 'post.claim',
        entityType: 'post_holder',
        entityId: holderId,
        streetId: post.streetId,
        communityId: post.communityId,
        details: { postId: post.id, memberId: member.id },
      });
    }),
  );
  return postView(ctx, input.id);
}
