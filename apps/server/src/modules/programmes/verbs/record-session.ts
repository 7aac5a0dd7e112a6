import type { ProgrammeSessionDto, RecordSessionInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { lockRunnableProgramme } from '../access.js';
import { PROGRAMME_MESSAGES } from '../messages.js';
import { enrolmentIdsOf, insertSession } from '../repo.js';

export type RecordProgrammeSessionInput = RecordSessionInput & { programmeId: string };

/** POST /api/programmes/:id/sessions: a session held, with the enrolled beneficiaries who attended. */
export async function recordProgrammeSession({ ctx, input }: VerbArgs<RecordProgrammeSessionInput>): Promise<ProgrammeSessionDto> {
  return inTx(ctx, async (tctx) => {
    const programme = await lockRunnableProgramme(tctx, input.programmeId);
    const attendees = [...new Set(input.attendees)];
    const known = await enrolmentIdsOf(tctx.tx, programme.id, attendees);
    const strangers = attendees.flatMap((id, i) => (known.has(id) ? [] : [`attendees.${i}`]));
    if (strangers.length) throw invalid(strangers.map((path) => ({ path, message: PROGRAMME_MESSAGES.notEnrolled()[ctx.locale] })));
    const row = await insertSession(
      tctx.tx,
      {
        programmeId: programme.id,
        communityId: programme.communityId,
        streetId: programme.streetId,
        districtId: programme.districtId,
        heldOn: input.heldOn,
        title: input.title,
      },
      attendees,
    );
    await writeAudit(tctx, {
      action: 'programme.session',
      entityType: 'programme',
      entityId: programme.id,
      streetId: programme.streetId,
      communityId: programme.communityId,
      details: { sessionId: row.id, attended: attendees.length },
    });
    return { id: row.id, programmeId: programme.id, heldOn: row.heldOn, title: row.title, attended: attendees.length };
  });
}
