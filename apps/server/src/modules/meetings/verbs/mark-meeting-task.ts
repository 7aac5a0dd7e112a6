import type { MeetingDto, TaskDoneInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { lockMeetingForWrite, meetingDto } from '../access.js';
import { setTaskDone } from '../repo.js';

/** POST /api/meetings/:id/tasks/:taskId: ticks a follow-up task done (or not), also after the meeting closed; audited. */
export async function markMeetingTask({ ctx, input }: VerbArgs<TaskDoneInput & { id: string; taskId: string }>): Promise<MeetingDto> {
  return inTx(ctx, async (tctx) => {
    const m = await lockMeetingForWrite(tctx, input.id, ['held', 'closed']);
    if (!(await setTaskDone(tctx.tx, m.id, input.taskId, input.done))) throw notFound('meeting_task');
    await writeAudit(tctx, {
      action: 'meeting.task_done',
      entityType: 'meeting',
      entityId: m.id,
      streetId: m.streetId,
      communityId: m.communityId,
      details: { taskId: input.taskId, done: input.done },
    });
    return meetingDto(tctx, tctx.tx, m.id);
  });
}
