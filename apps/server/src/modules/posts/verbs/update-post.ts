import type { PostDto, UpdatePostInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { canEditParty, canSeeParty } from '../../party/policy.js';
import { postView } from '../access.js';
import { lockPost, updatePostRow } from '../repo.js';

/** PATCH /api/posts/:id: changes a post's title or duties, or switches it off (a switched-off post takes no claims). */
export async function updatePost({ ctx, input }: VerbArgs<UpdatePostInput & { id: string }>): Promise<PostDto> {
  const { id, ...fields } = input;
  requireAbility(ctx.actor, 'party.write');
  await inTx(ctx, async (tctx) => {
    const post = authorize(await lockPost(tctx.tx, id), {
      see: (p) => canSeeParty(ctx.actor, p),
      act: (p) => canEditParty(ctx.actor, p),
      entity: 'post',
    });
    await updatePostRow(tctx.tx, post.id, fields);
    await writeAudit(tctx, {
      action: 'post.update',
      entityType: 'post',
      entityId: post.id,
      streetId: post.streetId,
      communityId: post.communityId,
      details: { fields: Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined) },
    });
  });
  return postView(ctx, id);
}
