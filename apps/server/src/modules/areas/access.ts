import type { Actor } from '../../core/actor.js';
import { authorize, requireAbility } from '../../core/authorize.js';
import type { Db, Tx } from '../../db/pool.js';
import { canReadArea } from './policy.js';
import { type AreaNodeRow, type AreaRow, findNode, lockNode } from './repo.js';

/** A node the actor may read (404 outside their scope); without areas.read at all, 403. */
export async function readableNode(db: Db | Tx, actor: Actor, id: string): Promise<AreaNodeRow> {
  requireAbility(actor, 'areas.read');
  return authorize(await findNode(db, id), { see: (n) => canReadArea(actor, n), entity: 'area' });
}

/** A node locked for a write: outside the read scope → 404, else `allowed` decides 403. */
export async function nodeForWrite(
  tx: Tx,
  actor: Actor,
  id: string,
  allowed: (actor: Actor, node: AreaRow) => boolean,
  strength: 'update' | 'share' = 'update',
): Promise<AreaRow> {
  requireAbility(actor, 'areas.read');
  return authorize(await lockNode(tx, id, strength), {
    see: (n) => canReadArea(actor, n),
    act: (n) => allowed(actor, n),
    entity: 'area',
  });
}
