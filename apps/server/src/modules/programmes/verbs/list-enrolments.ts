import type { EnrolmentListDto } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { canSeeProgramme } from '../policy.js';
import { findProgrammeView, liveEnrolments } from '../repo.js';

/** GET /api/programmes/:id/enrolments: the programme's live beneficiaries (attendance is ticked from them). */
export async function listEnrolments({ ctx, input }: VerbArgs<{ programmeId: string }>): Promise<EnrolmentListDto> {
  const programme = authorize(await findProgrammeView(ctx.db, input.programmeId), {
    see: (p) => canSeeProgramme(ctx.actor, p),
    act: (p) => canSeeProgramme(ctx.actor, p),
    entity: 'programme',
  });
  return { items: await liveEnrolments(ctx.db, programme.id) };
}
