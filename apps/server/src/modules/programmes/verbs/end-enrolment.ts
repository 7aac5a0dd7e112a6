import { type EndEnrolmentInput, type EnrolmentDto, localDate } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { lockRunnableProgramme } from '../access.js';
import { PROGRAMME_MESSAGES } from '../messages.js';
import { endEnrolment as endEnrolmentRow, liveEnrolments } from '../repo.js';

export type EndEnrolmentArgs = EndEnrolmentInput & { programmeId: string; enrolmentId: string };

/** POST /api/programmes/:id/enrolments/:enrolmentId/end: a beneficiary leaves the programme, with the reason (kept in the audit). */
export async function endEnrolment({ ctx, input }: VerbArgs<EndEnrolmentArgs>): Promise<EnrolmentDto> {
  return inTx(ctx, async (tctx) => {
    const programme = await lockRunnableProgramme(tctx, input.programmeId);
    const live = (await liveEnrolments(tctx.tx, programme.id)).find((e) => e.id === input.enrolmentId);
    if (!live) throw invalid([{ path: 'enrolmentId', message: PROGRAMME_MESSAGES.enrolmentUnknown()[ctx.locale] }]);
    const endedOn = input.endedOn ?? localDate();
    if (endedOn < live.enrolledOn) throw invalid([{ path: 'endedOn', message: PROGRAMME_MESSAGES.endBeforeStart()[ctx.locale] }]);
    await endEnrolmentRow(tctx.tx, programme.id, live.id, endedOn);
    await writeAudit(tctx, {
      action: 'programme.end_enrolment',
      entityType: 'programme',
      entityId: programme.id,
      streetId: programme.streetId,
      communityId: programme.communityId,
      details: { enrolmentId: live.id, residentId: live.residentId, endedOn, reason: input.reason },
    });
    return live;
  });
}
