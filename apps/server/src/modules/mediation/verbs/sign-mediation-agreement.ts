import type { MediationCaseDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { caseDto, lockDraftAgreement } from '../access.js';
import { updateAgreement } from '../repo.js';

/** POST /api/mediation/agreements/:id/sign: the parties and mediator signed the printed draft; it freezes and supersedes the earlier one; audited. */
export async function signMediationAgreement({ ctx, input }: VerbArgs<{ id: string }>): Promise<MediationCaseDto> {
  return inTx(ctx, async (tctx) => {
    const { c, agreement, all } = await lockDraftAgreement(tctx, input.id);
    for (const old of all) if (old.status === 'signed') await updateAgreement(tctx.tx, old.id, { status: 'superseded' });
    await updateAgreement(tctx.tx, agreement.id, { status: 'signed', signedAt: new Date() });
    await writeAudit(tctx, {
      action: 'mediation.agreement_sign',
      entityType: 'mediation_agreement',
      entityId: agreement.id,
      streetId: c.streetId,
      communityId: c.communityId,
      details: { caseId: c.id, version: agreement.version, supersedes: agreement.supersedesId },
    });
    return caseDto(tctx, tctx.tx, c.id);
  });
}
