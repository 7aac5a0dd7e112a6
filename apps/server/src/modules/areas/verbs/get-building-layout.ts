import type { BuildingLayoutDto } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { readableNode } from '../access.js';
import { presentLayout } from '../presenter.js';
import { listFlats } from '../repo-flats.js';

/** A building's flats; other kinds have no layout (404). */
export async function getBuildingLayout({ ctx, input }: VerbArgs<{ id: string }>): Promise<BuildingLayoutDto> {
  const node = await readableNode(ctx.db, ctx.actor, input.id);
  const building = authorize(node, { see: (n) => n.kind === 'building', entity: 'area' });
  return presentLayout(building.id, await listFlats(ctx.db, building.id));
}
