import type { MemberAccountInput, PartyMemberDto } from '@linli/contracts';
import { rethrowUsernameTaken } from '../../users/access.js';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { hashPassword } from '../../auth/passwords.js';
import { insertUser, replaceAssignments } from '../../users/repo.js';
import { PARTY_MESSAGES } from '../messages.js';
import { REPORTING_MEMBER_ROLE, canEditParty, canOpenAccount, canSeeParty } from '../policy.js';
import { findMember, lockMember, updateMemberRow } from '../repo-members.js';
import { presentMemberNow } from './get-party-member.js';

/**
 * POST /api/party/members/:id/account: opens a sign-in account for an in-service member reporting to the community
 * (在职党员报到) who lives elsewhere: a portal place in the community they report to, where they sign up for
 * activities, claim posts, log duties and see what they took on and their hours.
 */
export async function openMemberAccount({ ctx, input }: VerbArgs<MemberAccountInput & { id: string }>): Promise<PartyMemberDto> {
  requireAbility(ctx.actor, 'party.write');
  const passwordHash = await hashPassword(input.password);
  try {
    await inTx(ctx, async (tctx) => {
      await lockMember(tctx.tx, input.id);
      const m = authorize(await findMember(tctx.tx, input.id), {
        see: (row) => canSeeParty(ctx.actor, row),
        act: (row) => canEditParty(ctx.actor, row),
        entity: 'party_member',
      });
      if (!canOpenAccount(ctx.actor, m)) throw conflict(PARTY_MESSAGES.noAccountHere()[ctx.locale]);
      const user = await insertUser(tctx.tx, { username: input.username, displayName: m.name, passwordHash });
      await replaceAssignments(tctx.tx, user.id, [{ role: REPORTING_MEMBER_ROLE, areaId: m.communityId, orgId: null }]);
      await updateMemberRow(tctx.tx, m.id, { userId: user.id });
      await writeAudit(tctx, {
        action: 'party_member.account',
        entityType: 'party_member',
        entityId: m.id,
        streetId: m.streetId,
        communityId: m.communityId,
        details: { userId: user.id, username: input.username },
      });
    });
  } catch (e) {
    rethrowUsernameTaken(e, ctx.locale);
  }
  return presentMemberNow(ctx, input.id);
}
