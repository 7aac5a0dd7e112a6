import { type Actor, assignmentsWith } from '../../core/actor.js';
import { authorize, requireAbility } from '../../core/authorize.js';
import type { Db, Tx } from '../../db/pool.js';
import { canReadCareTags } from './policy.js';
import { type CommunityRef, findCommunity } from './repo.js';

/** The named community if the actor may read its tags; without one, the actor's only community (null when several or none). */
export async function careTagCommunity(db: Db | Tx, actor: Actor, communityId: string | undefined): Promise<CommunityRef | null> {
  requireAbility(actor, 'registry.read');
  let id = communityId;
  if (!id) {
    const own = new Set(assignmentsWith(actor, 'registry.read').map((a) => a.communityId));
    if (own.size !== 1 || own.has(null)) return null;
    id = [...own][0]!;
  }
  return authorize(await findCommunity(db, id), { see: (c) => canReadCareTags(actor, c), entity: 'community' });
}
