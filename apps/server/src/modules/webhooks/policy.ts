import { type Actor, type ScopedRow, canOn } from '../../core/actor.js';

/** Managing a street's (or the district's) webhooks: integrations.manage covering that area. */
export function canManageWebhook(actor: Actor, area: ScopedRow): boolean {
  return canOn(actor, 'integrations.manage', area);
}
