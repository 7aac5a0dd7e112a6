import type { AgreementTerms, MediationCaseDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { caseDto, lockCaseForMediator } from '../access.js';
import { MEDIATION_MESSAGES as M } from '../messages.js';
import { agreementsOf, insertAgreement } from '../repo.js';

/** POST /api/mediation/cases/:id/agreements: a new draft agreement (a later version supersedes the signed one once signed); audited. */
export async function draftMediationAgreement({ ctx, input }: VerbArgs<{ id: string; terms: AgreementTerms }>): Promise<MediationCaseDto> {
  return inTx(ctx, async (tctx) => {
    const c = await lockCaseForMediator(tctx, input.id);
    const all = await agreementsOf(tctx.tx, c.id);
    if (all.some((a) => a.status === 'draft')) throw conflict(M.draftExists()[tctx.locale]);
    const signed = all.find((a) => a.status === 'signed');
    const row = await insertAgreement(tctx.tx, {
      caseId: c.id,
      version: all.length + 1,
      terms: input.terms,
      supersedesId: signed?.id ?? null,
    });
    await writeAudit(tctx, {
      action: 'mediation.agreement_draft',
      entityType: 'mediation_agreement',
      entityId: row.id,
      streetId: c.streetId,
      communityId: c.communityId,
      details: { caseId: c.id, version: row.version },
    });
    return caseDto(tctx, tctx.tx, c.id);
  });
}
