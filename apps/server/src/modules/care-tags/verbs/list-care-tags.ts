import type { CareTagListDto, CareTagQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { careTagCommunity } from '../access.js';
import { canEditCareTags } from '../policy.js';
import { mergeCareTags } from '../presenter.js';
import { careTagsOf } from '../repo.js';

/** GET /api/care-tags: a community's tags (or the defaults when no community applies), with whether the actor may change them. */
export async function listCareTags({ ctx, input }: VerbArgs<CareTagQuery>): Promise<CareTagListDto> {
  const community = await careTagCommunity(ctx.db, ctx.actor, input.communityId);
  if (!community) return { communityId: null, items: mergeCareTags([]), canEdit: false };
  return {
    communityId: community.id,
    items: await careTagsOf(ctx.db, community.id),
    canEdit: canEditCareTags(ctx.actor, community),
  };
}
