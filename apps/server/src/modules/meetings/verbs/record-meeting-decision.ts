import type { DecisionInput, MeetingDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { lockMeetingForWrite, meetingDto } from '../access.js';
import { insertDecision } from '../repo.js';

/** POST /api/meetings/:id/decisions: records a decision of a held meeting; audited. */
export async function recordMeetingDecision({ ctx, input }: VerbArgs<DecisionInput & { id: string }>): Promise<MeetingDto> {
  return inTx(ctx, async (tctx) => {
    const m = await lockMeetingForWrite(tctx, input.id, ['held']);
    const decisionId = await insertDecision(tctx.tx, m.id, input.text);
    await writeAudit(tctx, {
      action: 'meeting.decide',
      entityType: 'meeting',
      entityId: m.id,
      streetId: m.streetId,
      communityId: m.communityId,
      details: { decisionId },
    });
    return meetingDto(tctx, tctx.tx, m.id);
  });
}
