import type { Actor } from '../../core/actor.js';
import { authorize, requireAbility } from '../../core/authorize.js';
import type { Db, Tx } from '../../db/pool.js';
import { canManageWebhook } from './policy.js';
import { type WebhookWithArea, findWebhook } from './repo.js';

/** The webhook if the actor may manage it: 403 without integrations.manage at all, 404 outside their areas. */
export async function manageableWebhook(db: Db | Tx, actor: Actor, id: string, lock = false): Promise<WebhookWithArea> {
  requireAbility(actor, 'integrations.manage');
  return authorize(await findWebhook(db, id, lock), { see: (w) => canManageWebhook(actor, w), entity: 'webhook' });
}

/** What every audit row about a webhook names. */
export const auditedWebhook = (row: { id: string; streetId: string | null }) => ({
  entityType: 'webhook',
  entityId: row.id,
  streetId: row.streetId,
});
