import type { MyPostsDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { memberExtras } from '../../party/repo-members.js';
import { viewerOf } from '../access.js';
import { presentPost } from '../presenter.js';
import { memberHome, memberPostViews } from '../repo.js';

/** GET /api/posts/mine: the signed-in party member's posts and the open posts of their community (none for non-members). */
export async function listMyPosts({ ctx }: VerbArgs<undefined>): Promise<MyPostsDto> {
  const viewer = await viewerOf(ctx.db, ctx.actor);
  if (!viewer.member) return { member: null, holdings: [], open: [] };
  const home = await memberHome(ctx.db, viewer.member.id);
  const [{ held, open }, extras] = await Promise.all([
    memberPostViews(ctx.db, { ...viewer.member, ...home }),
    memberExtras(ctx.db, [viewer.member.id]),
  ]);
  return {
    member: {
      id: viewer.member.id,
      name: home.name,
      communityId: viewer.member.communityId,
      hours: extras.hours.get(viewer.member.id) ?? 0,
    },
    holdings: held.map((r) => presentPost(r, viewer)),
    open: open.map((r) => presentPost(r, viewer)),
  };
}
