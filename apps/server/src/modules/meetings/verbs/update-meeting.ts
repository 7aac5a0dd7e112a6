import type { MeetingDto, UpdateMeetingInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { lockMeetingForWrite, meetingDto } from '../access.js';
import { inviteeRows } from '../invitees.js';
import { MEETING_MESSAGES as M } from '../messages.js';
import { replaceInvitees, updateMeeting as writeMeeting } from '../repo.js';

/** PUT /api/meetings/:id: title, time, place, agenda and minutes; invitees only while a draft; audited. */
export async function updateMeeting({ ctx, input }: VerbArgs<UpdateMeetingInput & { id: string }>): Promise<MeetingDto> {
  return inTx(ctx, async (tctx) => {
    const m = await lockMeetingForWrite(tctx, input.id);
    const { id, invitees, startsAt, ...rest } = input;
    if (invitees) {
      if (m.status !== 'draft') throw invalid([{ path: 'invitees', message: M.inviteesFrozen()[tctx.locale] }]);
      await replaceInvitees(tctx.tx, id, await inviteeRows(tctx, m, invitees));
    }
    await writeMeeting(tctx.tx, id, { ...rest, ...(startsAt ? { startsAt: new Date(startsAt) } : {}) });
    await writeAudit(tctx, {
      action: 'meeting.update',
      entityType: 'meeting',
      entityId: id,
      streetId: m.streetId,
      communityId: m.communityId,
      details: { fields: Object.keys(input).filter((k) => k !== 'id') },
    });
    return meetingDto(tctx, tctx.tx, id);
  });
}
