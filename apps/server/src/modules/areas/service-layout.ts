import type { BuildingLayoutDto, BuildingLayoutInput } from '@linli/contracts';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { conflict, invalid } from '../../core/errors.js';
import { deleteFlats, insertFlats, listFlats, placeFlat } from './flats-repo.js';
import { diffLayout, layoutIssues, planFlats } from './layout-plan.js';
import { AREA_MESSAGES } from './messages.js';
import { isForeignKeyViolation } from '../../core/errors.js';
import { canEditArea } from './policy.js';
import { presentLayout } from './presenter.js';
import { missing } from './service.js';
import { nodeForWrite } from './service-write.js';

/** Replaces a building's floor plan: flats that remain keep their ids; removing an occupied flat is refused (409). */
export async function setBuildingLayout({
  ctx,
  id,
  input,
}: {
  ctx: AuthedCtx;
  id: string;
  input: BuildingLayoutInput;
}): Promise<BuildingLayoutDto> {
  const { locale } = ctx;
  return ctx.db.transaction(async (tx) => {
    const building = await nodeForWrite(tx, ctx.actor, id, canEditArea);
    if (building.kind !== 'building') throw missing();
    const issues = layoutIssues(input, locale);
    if (issues.length > 0) throw invalid(issues);
    const diff = diffLayout(await listFlats(tx, id), planFlats(input));
    const occupied = diff.toDelete.filter((f) => f.householdCount > 0).map(({ unitNo, flatNo }) => ({ unitNo, flatNo }));
    if (occupied.length > 0) throw conflict(AREA_MESSAGES.flatsOccupied(occupied)[locale], { flats: occupied });
    const removed = diff.toDelete.map((f) => f.id);
    try {
      await deleteFlats(tx, removed);
    } catch (e) {
      throw isForeignKeyViolation(e) ? conflict(AREA_MESSAGES.inUse()[locale], { reason: 'references' }) : e;
    }
    for (const f of diff.toMove) await placeFlat(tx, f);
    await insertFlats(tx, building, diff.toInsert);
    await writeAudit(tx, ctx, {
      action: 'area.layout',
      entityType: 'area',
      entityId: id,
      streetId: building.streetId,
      communityId: building.communityId,
      details: { added: diff.toInsert.length, removed: removed.length, kept: diff.kept },
    });
    return presentLayout(id, await listFlats(tx, id));
  });
}
