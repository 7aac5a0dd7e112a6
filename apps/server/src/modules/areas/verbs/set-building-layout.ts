import type { BuildingLayoutDto, BuildingLayoutInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid, isForeignKeyViolation } from '../../../core/errors.js';
import { nodeForWrite } from '../access.js';
import { diffLayout, layoutIssues, planFlats } from '../layout-plan.js';
import { AREA_MESSAGES } from '../messages.js';
import { canEditArea } from '../policy.js';
import { presentLayout } from '../presenter.js';
import { deleteFlats, insertFlats, listFlats, placeFlat } from '../repo-flats.js';

export type SetBuildingLayoutInput = BuildingLayoutInput & { id: string };

/** Replaces a building's floor plan: flats that remain keep their ids; removing an occupied flat is refused (409). */
export async function setBuildingLayout({ ctx, input }: VerbArgs<SetBuildingLayoutInput>): Promise<BuildingLayoutDto> {
  const { locale } = ctx;
  const { id, ...plan } = input;
  return inTx(ctx, async (tctx) => {
    const node = await nodeForWrite(tctx.tx, ctx.actor, id, canEditArea);
    const building = authorize(node, { see: (n) => n.kind === 'building', entity: 'area' });
    const issues = layoutIssues(plan, locale);
    if (issues.length > 0) throw invalid(issues);
    const diff = diffLayout(await listFlats(tctx.tx, id), planFlats(plan));
    const occupied = diff.toDelete.filter((f) => f.householdCount > 0).map(({ unitNo, flatNo }) => ({ unitNo, flatNo }));
    if (occupied.length > 0) throw conflict(AREA_MESSAGES.flatsOccupied(occupied)[locale], { flats: occupied });
    const removed = diff.toDelete.map((f) => f.id);
    try {
      await deleteFlats(tctx.tx, removed);
    } catch (e) {
      throw isForeignKeyViolation(e) ? conflict(AREA_MESSAGES.inUse()[locale], { reason: 'references' }) : e;
    }
    for (const f of diff.toMove) await placeFlat(tctx.tx, f);
    await insertFlats(tctx.tx, building, diff.toInsert);
    await writeAudit(tctx, {
      action: 'area.layout',
      entityType: 'area',
      entityId: id,
      streetId: building.streetId,
      communityId: building.communityId,
      details: { added: diff.toInsert.length, removed: removed.length, kept: diff.kept },
    });
    return presentLayout(id, await listFlats(tctx.tx, id));
  });
}
