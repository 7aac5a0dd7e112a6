import type { AssignPostInput, FieldIssue, PostDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { canEditParty, canSeeParty } from '../../party/policy.js';
import { findMember, findResident } from '../../party/repo-members.js';
import { postView } from '../access.js';
import { POST_MESSAGES } from '../messages.js';
import { asOccupation, occupyPost } from '../occupy.js';
import { lockPost } from '../repo.js';

/** POST /api/posts/:id/holders: staff put a party member (or a resident who is not one) on an open post, held at once. */
export async function assignPost({ ctx, input }: VerbArgs<AssignPostInput & { id: string }>): Promise<PostDto> {
  const t = (m: 'holderRequired' | 'personElsewhere') => POST_MESSAGES[m]()[ctx.locale];
  requireAbility(ctx.actor, 'party.write');
  await asOccupation(ctx, () =>
    inTx(ctx, async (tctx) => {
      const post = authorize(await lockPost(tctx.tx, input.id), {
        see: (p) => canSeeParty(ctx.actor, p),
        act: (p) => canEditParty(ctx.actor, p),
        entity: 'post',
      });
      const issues: FieldIssue[] = [];
      if (Boolean(input.memberId) === Boolean(input.residentId)) issues.push({ path: 'memberId', message: t('holderRequired') });
      const member = input.memberId ? await findMember(tctx.tx, input.memberId) : null;
      const resident = input.residentId ? await findResident(tctx.tx, input.residentId) : null;
      if (input.memberId && (member?.status !== 'active' || member.communityId !== post.communityId))
        issues.push({ path: 'memberId', message: t('personElsewhere') });
      if (input.residentId && (resident?.status !== 'active' || resident.communityId !== post.communityId))
        issues.push({ path: 'residentId', message: t('personElsewhere') });
      if (issues.length > 0) throw invalid(issues);
      const holderId = await occupyPost(tctx, post, {
        memberId: member?.id ?? null,
        residentId: member ? member.residentId : resident!.id,
        status: 'active',
      });
      await writeAudit(tctx, {
        action: 'post.assign',
        entityType: 'post_holder',
        entityId: holderId,
        streetId: post.streetId,
        communityId: post.communityId,
        details: { postId: post.id, memberId: member?.id ?? null, residentId: resident?.id ?? null },
      });
    }),
  );
  return postView(ctx, input.id);
}
