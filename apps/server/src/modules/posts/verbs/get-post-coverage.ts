import type { CoverageDto, CoverageQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { partyCommunity } from '../../party/access.js';
import { PARTY_MESSAGES } from '../../party/messages.js';
import { coverageOf } from '../coverage.js';
import { loadCoverageRows } from '../repo-coverage.js';

/** GET /api/posts/coverage: who holds what and where in a community, with the uncovered grids and buildings. */
export async function getPostCoverage({ ctx, input }: VerbArgs<CoverageQuery>): Promise<CoverageDto> {
  const community = await partyCommunity(ctx.db, ctx.actor, input.communityId);
  if (!community) throw invalid([{ path: 'communityId', message: PARTY_MESSAGES.communityRequired()[ctx.locale] }]);
  return { communityId: community.id, ...coverageOf(await loadCoverageRows(ctx.db, { communityId: community.id })) };
}
