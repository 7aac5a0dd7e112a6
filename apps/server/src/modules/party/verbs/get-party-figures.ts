import type { PartyFiguresDto, PartyFiguresQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { coverageOf } from '../../posts/coverage.js';
import { loadCoverageRows } from '../../posts/repo-coverage.js';
import { chinaDate, partyCommunity } from '../access.js';
import { byAgeBand, byBranch, byEducation, byEmployment, localOnly, stripOf } from '../figures.js';
import { type FigureScope, loadFigureRows } from '../repo-figures.js';

/** GET /api/party/figures: members by branch, age band, education and employment, and post coverage, of a community or the actor's scope. */
export async function getPartyFigures({ ctx, input }: VerbArgs<PartyFiguresQuery>): Promise<PartyFiguresDto> {
  const community = await partyCommunity(ctx.db, ctx.actor, input.communityId);
  const scope: FigureScope = community ? { communityId: community.id } : { actor: ctx.actor };
  const asOf = input.asOf ?? chinaDate();
  const [rows, coverageRows] = await Promise.all([loadFigureRows(ctx.db, scope), loadCoverageRows(ctx.db, scope)]);
  const coverage = coverageOf(coverageRows);
  const local = localOnly(rows.members);
  return {
    communityId: community?.id ?? null,
    asOf,
    totals: stripOf(rows.members, rows.posts, asOf),
    byBranch: byBranch(rows.orgs, local),
    byAgeBand: byAgeBand(local, asOf),
    byEducation: byEducation(local),
    byEmployment: byEmployment(local),
    coverage: {
      grids: coverage.grids.length,
      gridsCovered: coverage.grids.filter((g) => g.covered).length,
      buildings: coverage.buildings.length,
      buildingsCovered: coverage.buildings.filter((b) => b.covered).length,
    },
  };
}
