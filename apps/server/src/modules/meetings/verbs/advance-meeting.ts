import { MEETING_NEXT_STATUS, MEETING_STATUS_LABELS, type MeetingDto, type MeetingStatusInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid } from '../../../core/errors.js';
import { lockMeetingForWrite, meetingDto } from '../access.js';
import { MEETING_MESSAGES as M } from '../messages.js';
import { updateMeeting } from '../repo.js';

/** POST /api/meetings/:id/status: draft → held → closed (closing needs the minutes); audited. */
export async function advanceMeeting({ ctx, input }: VerbArgs<MeetingStatusInput & { id: string }>): Promise<MeetingDto> {
  return inTx(ctx, async (tctx) => {
    const m = await lockMeetingForWrite(tctx, input.id);
    const label = (s: keyof typeof MEETING_STATUS_LABELS) => MEETING_STATUS_LABELS[s][tctx.locale];
    if (MEETING_NEXT_STATUS[m.status] !== input.status)
      throw conflict(M.badMove(label(m.status), label(input.status))[tctx.locale], { status: m.status });
    if (input.status === 'closed' && !m.minutes.trim()) throw invalid([{ path: 'minutes', message: M.minutesNeeded()[tctx.locale] }]);
    const now = new Date();
    await updateMeeting(tctx.tx, m.id, input.status === 'held' ? { status: 'held', heldAt: now } : { status: 'closed', closedAt: now });
    await writeAudit(tctx, {
      action: 'meeting.advance',
      entityType: 'meeting',
      entityId: m.id,
      streetId: m.streetId,
      communityId: m.communityId,
      details: { from: m.status, to: input.status },
    });
    return meetingDto(tctx, tctx.tx, m.id);
  });
}
