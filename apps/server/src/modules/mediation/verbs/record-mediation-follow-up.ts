import type { FollowUpInput, MediationCaseDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { caseDto, lockCaseForMediator } from '../access.js';
import { insertFollowUp } from '../repo.js';

/** POST /api/mediation/cases/:id/follow-ups: a return visit (回访) checking the agreement is performed; audited. */
export async function recordMediationFollowUp({ ctx, input }: VerbArgs<FollowUpInput & { id: string }>): Promise<MediationCaseDto> {
  return inTx(ctx, async (tctx) => {
    const c = await lockCaseForMediator(tctx, input.id, 'agreed');
    await insertFollowUp(tctx.tx, {
      caseId: c.id,
      visitedOn: input.visitedOn,
      performed: input.performed,
      notes: input.notes,
      visitor: tctx.actor.displayName,
    });
    await writeAudit(tctx, {
      action: 'mediation.follow_up',
      entityType: 'mediation_case',
      entityId: c.id,
      streetId: c.streetId,
      communityId: c.communityId,
      details: { performed: input.performed },
    });
    return caseDto(tctx, tctx.tx, c.id);
  });
}
