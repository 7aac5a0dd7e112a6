import type { Actor } from '../../core/actor.js';
import { authorize, requireAbility } from '../../core/authorize.js';
import type { Tx } from '../../db/pool.js';
import { canEditOrg, canReadOrg } from './policy.js';
import { type OrgRow, lockOrg } from './repo.js';

/** An org locked for a write: outside the read scope → 404, without orgs.write on it → 403. */
export async function orgForWrite(tx: Tx, actor: Actor, id: string): Promise<OrgRow> {
  requireAbility(actor, 'orgs.read');
  return authorize(await lockOrg(tx, id), {
    see: (o) => canReadOrg(actor, o),
    act: (o) => canEditOrg(actor, o),
    entity: 'handler_org',
  });
}

/** What every audit row about an org names: the org and the street and community it serves. */
export const auditedOrg = (org: { id: string; streetId: string; communityId: string | null }) => ({
  entityType: 'handler_org',
  entityId: org.id,
  streetId: org.streetId,
  communityId: org.communityId,
});
