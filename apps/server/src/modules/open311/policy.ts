import { type Actor, type ScopedRow, canOn } from '../../core/actor.js';

/** Managing Open311 keys of a community: integrations.manage covering it (street supervisors, system admins). */
export function canManageKeys(actor: Actor, community: ScopedRow): boolean {
  return canOn(actor, 'integrations.manage', community);
}
