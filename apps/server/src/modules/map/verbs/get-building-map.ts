import type { BuildingMapDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { areaRefs } from '../../areas/repo.js';
import { listBuildingFlats } from '../../areas/repo-flats.js';
import { ancestorIds } from '../../areas/tree.js';
import { readableBuilding } from '../access.js';
import { RESPONSIBLE_STAFF } from '../policy.js';
import { presentBuildingMap } from '../presenter.js';
import { listHouseholdSummaries, listResponsible } from '../repo.js';

/** One building's map (楼栋图): a cell per flat with its household summary, counts and the responsible people. */
export async function getBuildingMap({ ctx, input }: VerbArgs<{ buildingId: string }>): Promise<BuildingMapDto> {
  const { db, actor } = ctx;
  const node = await readableBuilding(ctx, input.buildingId);
  const [refs, flats, households, people] = await Promise.all([
    areaRefs(db, [...ancestorIds(node), ...(node.gridId ? [node.gridId] : [])]),
    listBuildingFlats(db, node.id),
    listHouseholdSummaries(db, node.id),
    listResponsible(db, node, RESPONSIBLE_STAFF),
  ]);
  const grid = refs.find((r) => r.kind === 'grid') ?? null;
  const ancestors = refs.filter((r) => r !== grid);
  const compound = ancestors.find((r) => r.kind === 'compound') ?? null;
  return presentBuildingMap(actor, { node, ancestors, compound, grid, flats, households, people });
}
