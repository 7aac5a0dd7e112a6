import type { CloseMediationInput, MediationCaseDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { appendOrderEvent } from '../../orders/repo-events.js';
import { caseDto, lockCaseForMediator } from '../access.js';
import { MEDIATION_MESSAGES as M, OUTCOME_LABELS } from '../messages.js';
import { agreementsOf, findOrderScope, updateCase } from '../repo.js';

/** POST /api/mediation/cases/:id/close: agreed (needs a signed agreement), failed or withdrawn; the result goes to the order's timeline; audited. */
export async function closeMediationCase({ ctx, input }: VerbArgs<CloseMediationInput & { id: string }>): Promise<MediationCaseDto> {
  return inTx(ctx, async (tctx) => {
    const { tx, actor, locale } = tctx;
    const c = await lockCaseForMediator(tctx, input.id);
    if (input.outcome === 'agreed' && !(await agreementsOf(tx, c.id)).some((a) => a.status === 'signed'))
      throw invalid([{ path: 'outcome', message: M.agreedNeedsSigned()[locale] }]);
    await updateCase(tx, c.id, { status: input.outcome, summary: input.summary, closedAt: new Date() });
    const order = c.orderId ? await findOrderScope(tx, c.orderId) : undefined;
    if (order) {
      const text = M.orderResult(c.caseNo, OUTCOME_LABELS[input.outcome]()[locale], input.summary)[locale];
      await appendOrderEvent(tx, order, {
        kind: 'comment',
        actor: { id: actor.userId, name: actor.displayName },
        text,
        details: { mediationCaseId: c.id, outcome: input.outcome },
      });
    }
    await writeAudit(tctx, {
      action: 'mediation.close',
      entityType: 'mediation_case',
      entityId: c.id,
      streetId: c.streetId,
      communityId: c.communityId,
      details: { outcome: input.outcome, orderId: c.orderId },
    });
    return caseDto(tctx, tx, c.id);
  });
}
