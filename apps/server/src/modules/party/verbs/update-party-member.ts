import { PARTY_LEFT_REASON_LABELS, type PartyMemberDto, type UpdatePartyMemberInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { chinaDate } from '../access.js';
import { PARTY_MESSAGES } from '../messages.js';
import { canEditParty, canSeeParty } from '../policy.js';
import { findPartyOrg } from '../repo.js';
import { endHoldingsOf, findMember, lockMember, syncResidentParty, updateMemberRow } from '../repo-members.js';
import { futureDateIssues } from './create-party-member.js';
import { presentMemberNow } from './get-party-member.js';

/**
 * PATCH /api/party/members/:id: changes a membership (organisation within the community, standing, education,
 * flow …); `status: 'left'` with `leftOn` ends it here and ends the member's posts.
 */
export async function updatePartyMember({ ctx, input }: VerbArgs<UpdatePartyMemberInput & { id: string }>): Promise<PartyMemberDto> {
  const { id, ...fields } = input;
  requireAbility(ctx.actor, 'party.write');
  const t = (m: keyof typeof PARTY_MESSAGES) => PARTY_MESSAGES[m]()[ctx.locale];
  await inTx(ctx, async (tctx) => {
    await lockMember(tctx.tx, id);
    const member = authorize(await findMember(tctx.tx, id), {
      see: (m) => canSeeParty(ctx.actor, m),
      act: (m) => canEditParty(ctx.actor, m),
      entity: 'party_member',
    });
    const issues = futureDateIssues({ joinedOn: fields.joinedOn, leftOn: fields.leftOn }, chinaDate(), t('futureDate'));
    const org = fields.orgId ? await findPartyOrg(tctx.tx, fields.orgId) : null;
    if (fields.orgId && (!org || org.communityId !== member.communityId || !canEditParty(ctx.actor, org)))
      issues.push({ path: 'orgId', message: t('orgElsewhere') });
    const leaving = fields.status === 'left' && member.status === 'active';
    if (leaving && !fields.leftOn) issues.push({ path: 'leftOn', message: t('leftOnRequired') });
    if (issues.length > 0) throw invalid(issues);
    const { leftOn, leftReason, ...rest } = fields;
    const why = leaving && leftReason ? PARTY_LEFT_REASON_LABELS[leftReason]['zh-CN'] : null;
    const flowNote = why ? [why, fields.flowNote].filter(Boolean).join('：') : fields.flowNote;
    await updateMemberRow(tctx.tx, id, { ...rest, flowNote, ...(leaving ? { leftOn } : {}) });
    const ended = leaving ? await endHoldingsOf(tctx.tx, id) : 0;
    if (member.residentId && (leaving || fields.orgId || fields.standing)) {
      const standing = fields.standing ?? member.standing;
      await syncResidentParty(tctx.tx, member.residentId, {
        ...(leaving ? {} : { political: standing === 'full' ? '01' : '02' }),
        partyOrgId: leaving ? null : (fields.orgId ?? member.orgId),
      });
    }
    await writeAudit(tctx, {
      action: 'party_member.update',
      entityType: 'party_member',
      entityId: id,
      streetId: member.streetId,
      communityId: member.communityId,
      details: {
        fields: Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined),
        endedPosts: ended,
        leftReason: leftReason ?? null,
      },
    });
  });
  return presentMemberNow(ctx, id);
}
