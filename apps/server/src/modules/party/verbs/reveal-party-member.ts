import type { PartyRevealDto, PartyRevealInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { openSecret } from '../../../core/pii-seal.js';
import { canRevealMember, canSeeParty } from '../policy.js';
import { findMember } from '../repo-members.js';

/**
 * POST /api/party/members/:id/reveal: a member's phone in full, for roles with pii.reveal over the member's scope
 * (404 outside party scope, 403 for a party organiser), recorded in the audit log with the reason like the registry's.
 */
export async function revealPartyMember({ ctx, input }: VerbArgs<PartyRevealInput & { id: string }>): Promise<PartyRevealDto> {
  const m = authorize(await findMember(ctx.db, input.id), {
    see: (row) => canSeeParty(ctx.actor, row),
    act: (row) => canRevealMember(ctx.actor, row),
    entity: 'party_member',
  });
  const phone = openSecret(ctx.pii, m.phoneEnc);
  await writeAudit(ctx, {
    action: 'party_member.reveal',
    entityType: 'party_member',
    entityId: m.id,
    streetId: m.streetId,
    communityId: m.communityId,
    details: { fields: ['phone'], reason: input.reason, residentId: m.residentId },
  });
  return { phone };
}
