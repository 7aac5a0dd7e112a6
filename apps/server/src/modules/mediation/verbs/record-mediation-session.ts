import type { MediationCaseDto, SessionInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { caseDto, lockCaseForMediator } from '../access.js';
import { insertSession } from '../repo.js';

/** POST /api/mediation/cases/:id/sessions: a mediator records a session (笔录); audited. */
export async function recordMediationSession({ ctx, input }: VerbArgs<SessionInput & { id: string }>): Promise<MediationCaseDto> {
  return inTx(ctx, async (tctx) => {
    const c = await lockCaseForMediator(tctx, input.id);
    await insertSession(tctx.tx, {
      caseId: c.id,
      heldAt: new Date(input.heldAt),
      place: input.place,
      notes: input.notes,
      recordedBy: tctx.actor.displayName,
    });
    await writeAudit(tctx, {
      action: 'mediation.session',
      entityType: 'mediation_case',
      entityId: c.id,
      streetId: c.streetId,
      communityId: c.communityId,
    });
    return caseDto(tctx, tctx.tx, c.id);
  });
}
