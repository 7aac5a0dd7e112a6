import type { ActivityDto, HoldActivityInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { AppError, conflict } from '../../../core/errors.js';
import { creditHours } from '../../volunteers/credit.js';
import { attendanceSpan } from '../attendance.js';
import { ACTIVITY_MESSAGES as M } from '../messages.js';
import { canManageActivity, canSeeActivity } from '../policy.js';
import { presentActivity } from '../presenter.js';
import { attendedVolunteers, findActivity, findLiveSignup, lockActivity, signerProfile, updateActivity } from '../repo.js';

/**
 * POST /api/activities/:id/hold: after it ended, the organiser records it as held with the people served; every
 * checked-in volunteer is credited the hours they attended (a record that would overlap one they have is left out).
 */
export async function holdActivity({ ctx, input }: VerbArgs<HoldActivityInput & { id: string }>): Promise<ActivityDto> {
  await inTx(ctx, async (tctx) => {
    const a = authorize(await lockActivity(tctx.tx, input.id), {
      see: (row) => canSeeActivity(ctx.actor, row),
      act: (row) => canManageActivity(ctx.actor, row),
      entity: 'activity',
    });
    if (a.status !== 'open') throw conflict(M.notOpen()[ctx.locale]);
    if (a.endsAt.getTime() > Date.now()) throw conflict(M.notEnded()[ctx.locale]);
    await updateActivity(tctx.tx, a.id, { status: 'held', peopleServed: input.peopleServed });
    let credited = 0;
    const skipped: string[] = [];
    for (const { signup, volunteer } of await attendedVolunteers(tctx.tx, a.id)) {
      const span = attendanceSpan(a, { checkedInAt: signup.checkedInAt!, checkedOutAt: signup.checkedOutAt });
      try {
        await creditHours(tctx, {
          volunteer,
          source: 'checkin',
          status: 'verified',
          ...span,
          activityId: a.id,
          place: a.place,
          content: a.title,
          organiser: a.organiser,
          window: { startsAt: a.startsAt, endsAt: a.endsAt },
        });
        credited += 1;
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
        skipped.push(volunteer.id);
      }
    }
    await writeAudit(tctx, {
      action: 'activity.hold',
      entityType: 'activity',
      entityId: a.id,
      streetId: a.streetId,
      communityId: a.communityId,
      details: { peopleServed: input.peopleServed, credited, skipped },
    });
  });
  const a = (await findActivity(ctx.db, input.id))!;
  return presentActivity(ctx.actor, a, await signerProfile(ctx.db, ctx.actor), await findLiveSignup(ctx.db, a.id, ctx.actor.userId));
}
