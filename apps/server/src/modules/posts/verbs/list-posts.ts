import type { PostListDto, PostListQuery } from '@linli/contracts';
import { hasAbility } from '../../../core/actor.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { canSeeParty } from '../../party/policy.js';
import { findArea } from '../../party/repo.js';
import { viewerOf } from '../access.js';
import { presentPost } from '../presenter.js';
import { listPostViews } from '../repo.js';

/** GET /api/posts: posts in the actor's party scope, filtered by community, area (and inside), kind and state. */
export async function listPosts({ ctx, input }: VerbArgs<PostListQuery>): Promise<PostListDto> {
  requireAbility(ctx.actor, 'party.read');
  const area = input.areaId
    ? authorize(await findArea(ctx.db, input.areaId), { see: (a) => canSeeParty(ctx.actor, a), entity: 'area' })
    : null;
  const [{ rows, total }, viewer] = await Promise.all([listPostViews(ctx.db, ctx.actor, input, area), viewerOf(ctx.db, ctx.actor)]);
  return {
    items: rows.map((r) => presentPost(r, viewer)),
    total,
    page: input.page,
    pageSize: input.pageSize,
    canCreate: hasAbility(ctx.actor, 'party.write'),
  };
}
