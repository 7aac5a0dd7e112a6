import type { AreaNodeDto, UpdateAreaInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { nodeForWrite } from '../access.js';
import { gridIssue } from '../grid-choice.js';
import { canEditArea } from '../policy.js';
import { presentArea } from '../presenter.js';
import { findNode, updateNode } from '../repo.js';
import { regridBuildingContents } from '../repo-flats.js';

export type UpdateAreaArgs = UpdateAreaInput & { id: string };

/** Renames a node or moves a building to another grid of its community (its flats and households follow). */
export async function updateArea({ ctx, input }: VerbArgs<UpdateAreaArgs>): Promise<AreaNodeDto> {
  const { id } = input;
  await inTx(ctx, async (tctx) => {
    const node = await nodeForWrite(tctx.tx, ctx.actor, id, canEditArea);
    const regrid = node.kind === 'building' && input.gridId !== undefined;
    if (input.gridId !== undefined) {
      const issue = await gridIssue(tctx.tx, node.kind, node.communityId, input.gridId, ctx.locale);
      if (issue) throw invalid([issue]);
    }
    const patch = { name: input.name, gridId: regrid ? (input.gridId ?? undefined) : undefined };
    await updateNode(tctx.tx, id, patch);
    if (patch.gridId && patch.gridId !== node.gridId) await regridBuildingContents(tctx.tx, id, patch.gridId);
    await writeAudit(tctx, {
      action: 'area.update',
      entityType: 'area',
      entityId: id,
      streetId: node.streetId,
      communityId: node.communityId,
      details: { fields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined) },
    });
  });
  return presentArea(ctx.actor, (await findNode(ctx.db, id))!);
}
