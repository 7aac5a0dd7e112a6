import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { PARTY_MESSAGES } from '../messages.js';
import { canEditParty, canSeeParty } from '../policy.js';
import { deletePartyOrgRow, dependentsOf, lockPartyOrg } from '../repo.js';

/** DELETE /api/party/orgs/:id: removes an organisation with no children, members or posts (409 otherwise). */
export async function deletePartyOrg({ ctx, input }: VerbArgs<{ id: string }>): Promise<{ ok: true }> {
  requireAbility(ctx.actor, 'party.write');
  return inTx(ctx, async (tctx) => {
    const org = authorize(await lockPartyOrg(tctx.tx, input.id), {
      see: (o) => canSeeParty(ctx.actor, o),
      act: (o) => canEditParty(ctx.actor, o),
      entity: 'party_org',
    });
    if ((await dependentsOf(tctx.tx, org.id)) > 0) throw conflict(PARTY_MESSAGES.notEmpty()[ctx.locale]);
    await deletePartyOrgRow(tctx.tx, org.id);
    await writeAudit(tctx, {
      action: 'party_org.delete',
      entityType: 'party_org',
      entityId: org.id,
      streetId: org.streetId,
      communityId: org.communityId,
      details: { kind: org.kind },
    });
    return { ok: true as const };
  });
}
