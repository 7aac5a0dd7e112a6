import type { HolderStatus } from '@linli/contracts';
import type { AuthedCtx, TxCtx } from '../../core/context.js';
import { conflict, isUniqueViolation } from '../../core/errors.js';
import { POST_MESSAGES } from './messages.js';
import { type PostRow, insertHolder, liveHolderOf } from './repo.js';

/**
 * Puts a person on a locked post: 409 when it is switched off or already claimed or held. The post's row lock
 * serialises claims; the partial unique index is the last word, so of two claims at once exactly one wins.
 */
export async function occupyPost(
  tctx: TxCtx<AuthedCtx>,
  post: PostRow,
  who: { memberId: string | null; residentId: string | null; status: Extract<HolderStatus, 'claimed' | 'active'> },
): Promise<string> {
  if (!post.active) throw conflict(POST_MESSAGES.inactive()[tctx.locale]);
  if (await liveHolderOf(tctx.tx, post.id)) throw conflict(POST_MESSAGES.taken()[tctx.locale]);
  return insertHolder(tctx.tx, {
    postId: post.id,
    ...who,
    confirmedAt: who.status === 'active' ? new Date() : null,
    createdBy: tctx.actor.userId,
    communityId: post.communityId,
    streetId: post.streetId,
    districtId: post.districtId,
  });
}

/** Runs a claim or assignment, turning a lost race on the unique index into the same 409. */
export async function asOccupation<T>(ctx: AuthedCtx, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(POST_MESSAGES.taken()[ctx.locale]);
    throw e;
  }
}
