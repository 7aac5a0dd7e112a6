import type { AttendanceInput, FieldIssue, MeetingDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { lockMeetingForWrite, meetingDto } from '../access.js';
import { MEETING_MESSAGES as M } from '../messages.js';
import { setAttendance } from '../repo.js';

/** POST /api/meetings/:id/attendance: marks invitees present, absent or excused (all or nothing); audited. */
export async function markMeetingAttendance({ ctx, input }: VerbArgs<AttendanceInput & { id: string }>): Promise<MeetingDto> {
  return inTx(ctx, async (tctx) => {
    const m = await lockMeetingForWrite(tctx, input.id);
    const issues: FieldIssue[] = [];
    for (const [i, mark] of input.marks.entries()) {
      if (!(await setAttendance(tctx.tx, m.id, mark.inviteeId, mark.attendance)))
        issues.push({ path: `marks.${i}.inviteeId`, message: M.unknownInvitee()[tctx.locale] });
    }
    if (issues.length) throw invalid(issues);
    await writeAudit(tctx, {
      action: 'meeting.attendance',
      entityType: 'meeting',
      entityId: m.id,
      streetId: m.streetId,
      communityId: m.communityId,
      details: { marks: input.marks.length },
    });
    return meetingDto(tctx, tctx.tx, m.id);
  });
}
