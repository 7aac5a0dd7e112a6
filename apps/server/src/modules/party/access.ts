import { type Actor, assignmentsWith } from '../../core/actor.js';
import { authorize, requireAbility } from '../../core/authorize.js';
import type { Db, Tx } from '../../db/pool.js';
import { canSeeParty } from './policy.js';
import { type AreaRow, findArea } from './repo.js';

/**
 * The community a party page is about: the one named (404 outside the actor's `party.read` scope, or when it
 * is no community), else the actor's only community; null when they have several or none (the street).
 */
export async function partyCommunity(db: Db | Tx, actor: Actor, communityId: string | undefined): Promise<AreaRow | null> {
  requireAbility(actor, 'party.read');
  let id = communityId;
  if (!id) {
    const own = new Set(assignmentsWith(actor, 'party.read').map((a) => a.communityId));
    if (own.size !== 1 || own.has(null)) return null;
    id = [...own][0]!;
  }
  const area = await findArea(db, id);
  return authorize(area?.kind === 'community' ? area : undefined, { see: (c) => canSeeParty(actor, c), entity: 'community' });
}

/** China's calendar day of `at` as an ISO date. */
export function chinaDate(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
