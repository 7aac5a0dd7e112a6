import type { AreaDetailDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { readableNode } from '../access.js';
import { presentAreaDetail } from '../presenter.js';
import { areaRefs } from '../repo.js';
import { ancestorIds } from '../tree.js';

/** One node with its parent chain (root first). */
export async function getArea({ ctx, input }: VerbArgs<{ id: string }>): Promise<AreaDetailDto> {
  const node = await readableNode(ctx.db, ctx.actor, input.id);
  return presentAreaDetail(ctx.actor, node, await areaRefs(ctx.db, ancestorIds(node)));
}
