import type { PostDto } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import type { AuthedCtx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { Db, Tx } from '../../db/pool.js';
import { findOwnMember } from '../party/repo-members.js';
import type { Viewer } from './policy.js';
import { presentPost } from './presenter.js';
import { findPostView } from './repo.js';

/** The actor with their own active membership (through their resident record, or the in-service member's own account). */
export async function viewerOf(db: Db | Tx, actor: Actor): Promise<Viewer> {
  const m = await findOwnMember(db, actor);
  return { actor, member: m ? { id: m.id, communityId: m.communityId } : null };
}

/** A post as the viewer sees it now (after a write). */
export async function postView(ctx: AuthedCtx, id: string): Promise<PostDto> {
  const [row, viewer] = await Promise.all([findPostView(ctx.db, id), viewerOf(ctx.db, ctx.actor)]);
  if (!row) throw notFound('post');
  return presentPost(row, viewer);
}
