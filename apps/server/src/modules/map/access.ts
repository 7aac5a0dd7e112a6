import { authorize, requireAbility } from '../../core/authorize.js';
import type { AuthedCtx, TxCtx } from '../../core/context.js';
import { SITE_KINDS, canArrangeSite, canReadMap, canSeeSite } from './policy.js';
import { type MapNodeRow, findMapNode } from './repo.js';

/** A building whose map the actor may read: without registry.read anywhere 403; outside scope, or not a building, 404. */
export async function readableBuilding(ctx: AuthedCtx, id: string): Promise<MapNodeRow> {
  requireAbility(ctx.actor, 'registry.read');
  return authorize(await findMapNode(ctx.db, id), {
    see: (n) => n.kind === 'building' && canReadMap(ctx.actor, n),
    entity: 'area',
  });
}

/** A community, compound or grid whose site map the actor may read (same answers as a building). */
export async function readableSite(ctx: AuthedCtx, id: string): Promise<MapNodeRow> {
  requireAbility(ctx.actor, 'registry.read');
  return authorize(await findMapNode(ctx.db, id), {
    see: (n) => SITE_KINDS.includes(n.kind) && canReadMap(ctx.actor, n),
    entity: 'area',
  });
}

/** A site the actor may arrange: without areas.write anywhere 403; unseen or not a site 404; seen but not theirs to arrange 403. */
export async function arrangeableSite(tctx: TxCtx, id: string): Promise<MapNodeRow & { communityId: string }> {
  requireAbility(tctx.actor, 'areas.write');
  const node = authorize(await findMapNode(tctx.tx, id), {
    see: (n) => canSeeSite(tctx.actor, n) && SITE_KINDS.includes(n.kind) && n.communityId !== null,
    act: (n) => canArrangeSite(tctx.actor, n),
    entity: 'area',
  });
  return { ...node, communityId: node.communityId! };
}
