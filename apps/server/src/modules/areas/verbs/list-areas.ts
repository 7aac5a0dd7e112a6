import type { AreaListDto, AreaListQuery } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { readableNode } from '../access.js';
import { topOfAreaScope } from '../policy.js';
import { presentArea } from '../presenter.js';
import { type AreaNodeRow, listNodesInScope, listTopNodes } from '../repo.js';

/** Lists the top of the actor's scope, a node's children, or a name/code search in scope; sorted by code. */
export async function listAreas({ ctx, input }: VerbArgs<AreaListQuery>): Promise<AreaListDto> {
  const { actor } = ctx;
  requireAbility(actor, 'areas.read');
  let rows: AreaNodeRow[];
  if (input.parentId) {
    const parent = await readableNode(ctx.db, actor, input.parentId);
    rows = await listNodesInScope(ctx.db, actor, { parent, kind: input.kind, q: input.q || undefined });
  } else if (input.q) rows = await listNodesInScope(ctx.db, actor, { kind: input.kind, q: input.q });
  else rows = await listTopNodes(ctx.db, topOfAreaScope(actor), input.kind);
  return { items: rows.map((r) => presentArea(actor, r)) };
}
