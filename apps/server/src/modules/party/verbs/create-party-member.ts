import type { CreatePartyMemberInput, FieldIssue, PartyMemberDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid, isUniqueViolation } from '../../../core/errors.js';
import { chinaDate } from '../access.js';
import { PARTY_MESSAGES } from '../messages.js';
import { canEditParty, canSeeParty } from '../policy.js';
import { findPartyOrg } from '../repo.js';
import { findMemberOfResident, findResident, insertMember, syncResidentParty } from '../repo-members.js';
import { presentMemberNow } from './get-party-member.js';

/** Dates of a membership that cannot lie ahead of today. */
export function futureDateIssues(fields: Record<string, string | null | undefined>, today: string, message: string): FieldIssue[] {
  return Object.entries(fields).flatMap(([path, v]) => (v && v > today ? [{ path, message }] : []));
}

/**
 * POST /api/party/members: registers a member in an organisation: a resident of its community (their political
 * status follows), or an in-service member living elsewhere who reports to the community (在职党员报到).
 */
export async function createPartyMember({ ctx, input }: VerbArgs<CreatePartyMemberInput>): Promise<PartyMemberDto> {
  requireAbility(ctx.actor, 'party.write');
  const t = (m: keyof typeof PARTY_MESSAGES) => PARTY_MESSAGES[m]()[ctx.locale];
  const org = authorize(await findPartyOrg(ctx.db, input.orgId), {
    see: (o) => canSeeParty(ctx.actor, o),
    act: (o) => canEditParty(ctx.actor, o),
    entity: 'party_org',
  });
  const today = chinaDate();
  const issues = futureDateIssues(
    { joinedOn: input.joinedOn, reportedOn: input.reportedOn, birthDate: input.birthDate },
    today,
    t('futureDate'),
  );
  const resident = input.residentId ? await findResident(ctx.db, input.residentId) : null;
  if (input.residentId && (resident?.status !== 'active' || resident.communityId !== org.communityId))
    issues.push({ path: 'residentId', message: t('residentElsewhere') });
  if (!input.residentId)
    for (const path of ['name', 'sex', 'birthDate'] as const) if (!input[path]) issues.push({ path, message: t('residentRequired') });
  if (issues.length > 0) throw invalid(issues);
  try {
    const id = await inTx(ctx, async (tctx) => {
      if (resident && (await findMemberOfResident(tctx.tx, resident.id))) throw conflict(t('alreadyMember'));
      const memberId = await insertMember(tctx.tx, {
        orgId: org.id,
        residentId: resident?.id ?? null,
        name: resident ? null : input.name,
        sex: resident ? null : input.sex,
        birthDate: resident ? null : input.birthDate,
        phoneEnc: !resident && input.phone ? ctx.pii.encrypt(input.phone) : null,
        phoneTail: !resident && input.phone ? input.phone.slice(-4) : null,
        standing: input.standing,
        joinedOn: input.joinedOn,
        education: input.education,
        employment: input.employment,
        registration: input.registration,
        flow: input.flow,
        flowNote: input.flowNote,
        workUnit: input.workUnit,
        reportedOn: input.reportedOn ?? (input.registration === 'reporting' ? today : null),
        commitments: input.commitments,
        communityId: org.communityId,
        streetId: org.streetId,
        districtId: org.districtId,
      });
      if (resident)
        await syncResidentParty(tctx.tx, resident.id, { political: input.standing === 'full' ? '01' : '02', partyOrgId: org.id });
      await writeAudit(tctx, {
        action: 'party_member.create',
        entityType: 'party_member',
        entityId: memberId,
        streetId: org.streetId,
        communityId: org.communityId,
        details: { orgId: org.id, residentId: resident?.id ?? null, registration: input.registration },
      });
      return memberId;
    });
    return presentMemberNow(ctx, id);
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(t('alreadyMember'));
    throw e;
  }
}
