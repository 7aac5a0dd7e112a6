import type { AgreementTerms, MediationCaseDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { caseDto, lockDraftAgreement } from '../access.js';
import { updateAgreement } from '../repo.js';

/** PUT /api/mediation/agreements/:id: changes a draft; a signed agreement answers 409 (it can only be superseded); audited. */
export async function updateMediationAgreement({ ctx, input }: VerbArgs<{ id: string; terms: AgreementTerms }>): Promise<MediationCaseDto> {
  return inTx(ctx, async (tctx) => {
    const { c, agreement } = await lockDraftAgreement(tctx, input.id);
    await updateAgreement(tctx.tx, agreement.id, { terms: input.terms });
    await writeAudit(tctx, {
      action: 'mediation.agreement_update',
      entityType: 'mediation_agreement',
      entityId: agreement.id,
      streetId: c.streetId,
      communityId: c.communityId,
      details: { caseId: c.id, version: agreement.version },
    });
    return caseDto(tctx, tctx.tx, c.id);
  });
}
