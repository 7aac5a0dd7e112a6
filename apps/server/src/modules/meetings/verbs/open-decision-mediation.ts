import type { DecisionMediationInput, MeetingDto } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { openMediationCase } from '../../mediation/verbs/open-mediation-case.js';
import { type DecisionIds, actOnDecision } from '../decision-action.js';
import { setDecisionOutcome } from '../repo.js';

/** POST /api/meetings/:id/decisions/:decisionId/mediation: opens a mediation case in the meeting's community; audited. */
export async function openDecisionMediation({ ctx, input }: VerbArgs<DecisionMediationInput & DecisionIds>): Promise<MeetingDto> {
  requireAbility(ctx.actor, 'mediation.use');
  const { id: _, decisionId: __, ...body } = input;
  return actOnDecision(
    ctx,
    input,
    'mediation',
    ({ meeting }) => openMediationCase({ ctx, input: { ...body, communityId: meeting.communityId } }),
    async (tctx, { decision }, c) => {
      await setDecisionOutcome(tctx.tx, decision.id, { outcome: 'mediation', mediationCaseId: c.id });
      return { mediationCaseId: c.id };
    },
  );
}
