import type { Ability } from '@linli/contracts';
import { type Actor, assignmentsWith } from '../../core/actor.js';

/** Exporting the registry needs what reading it needs; the rows themselves are filtered by scope. */
export const EXPORT_ABILITY: Ability = 'registry.read';

/** The audit row's street and community: the ones every registry.read assignment of the actor shares, if any. */
export function exportAuditScope(actor: Actor): { streetId: string | null; communityId: string | null } {
  const held = assignmentsWith(actor, EXPORT_ABILITY);
  const shared = (k: 'streetId' | 'communityId') => {
    const values = new Set(held.map((a) => a[k]));
    return values.size === 1 ? ([...values][0] ?? null) : null;
  };
  return { streetId: shared('streetId'), communityId: shared('communityId') };
}
