import type { AreaDetailDto, AreaListDto, AreaListQuery, BuildingLayoutDto } from '@linli/contracts';
import { type Actor, assignmentsWith, hasAbility } from '../../core/actor.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import type { Db } from '../../db/pool.js';
import { listFlats } from './flats-repo.js';
import { canReadArea } from './policy.js';
import { presentArea, presentAreaDetail, presentLayout } from './presenter.js';
import { type AreaNodeRow, areaRefs, findNode, listNodesInScope, listTopNodes } from './repo.js';
import { ancestorIds } from './tree.js';

/** 404 with the localised default message: rows outside the scope are never acknowledged. */
export const missing = () => new AppError('NOT_FOUND');

/** Loads a node the actor may read, else 404; a user without areas.read at all gets 403. */
export async function readableNode(db: Db, actor: Actor, id: string): Promise<AreaNodeRow> {
  if (!hasAbility(actor, 'areas.read')) throw forbidden();
  const node = await findNode(db, id);
  if (!node || !canReadArea(actor, node)) throw missing();
  return node;
}

/** The nodes of the actor's areas.read assignments, or 'districts' for a system admin. */
function topOfScope(actor: Actor): string[] | 'districts' {
  const readers = assignmentsWith(actor, 'areas.read');
  if (readers.some((a) => a.role === 'system_admin')) return 'districts';
  return [...new Set(readers.flatMap((a) => a.areaId ?? []))];
}

/** Lists the top of the actor's scope, a node's children, or a name/code search in scope; sorted by code. */
export async function listAreas({ ctx, input }: { ctx: AuthedCtx; input: AreaListQuery }): Promise<AreaListDto> {
  const { actor } = ctx;
  if (!hasAbility(actor, 'areas.read')) throw forbidden();
  let rows: AreaNodeRow[];
  if (input.parentId) {
    const parent = await readableNode(ctx.db, actor, input.parentId);
    rows = await listNodesInScope(ctx.db, actor, { parent, kind: input.kind, q: input.q || undefined });
  } else if (input.q) rows = await listNodesInScope(ctx.db, actor, { kind: input.kind, q: input.q });
  else rows = await listTopNodes(ctx.db, topOfScope(actor), input.kind);
  return { items: rows.map((r) => presentArea(actor, r)) };
}

/** One node with its parent chain (root first). */
export async function getArea({ ctx, id }: { ctx: AuthedCtx; id: string }): Promise<AreaDetailDto> {
  const node = await readableNode(ctx.db, ctx.actor, id);
  return presentAreaDetail(ctx.actor, node, await areaRefs(ctx.db, ancestorIds(node)));
}

/** A building's flats; other kinds have no layout (404). */
export async function getBuildingLayout({ ctx, id }: { ctx: AuthedCtx; id: string }): Promise<BuildingLayoutDto> {
  const node = await readableNode(ctx.db, ctx.actor, id);
  if (node.kind !== 'building') throw missing();
  return presentLayout(node.id, await listFlats(ctx.db, node.id));
}
