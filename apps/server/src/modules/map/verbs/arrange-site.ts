import type { SiteMapDto, SitePositionsInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { arrangeableSite } from '../access.js';
import { lockCommunityPositions, savePositions } from '../repo-site.js';
import { positionIssues } from '../site-positions.js';
import { loadSiteMap } from '../site-view.js';

/** Puts buildings of a site on new grid cells (staff with areas.write); no two buildings of a community share a cell. */
export async function arrangeSite({ ctx, input }: VerbArgs<SitePositionsInput & { areaId: string }>): Promise<SiteMapDto> {
  return inTx(ctx, async (tctx) => {
    const node = await arrangeableSite(tctx, input.areaId);
    const community = await lockCommunityPositions(tctx.tx, node.communityId);
    const issues = positionIssues(node, community, input, ctx.locale);
    if (issues.length > 0) throw invalid(issues);
    await savePositions(tctx.tx, input.positions);
    await writeAudit(tctx, {
      action: 'map.arrange',
      entityType: 'area',
      entityId: node.id,
      streetId: node.streetId,
      communityId: node.communityId,
      details: { moved: input.positions.length, buildingIds: input.positions.map((p) => p.buildingId) },
    });
    return loadSiteMap(tctx.tx, ctx.actor, node);
  });
}
