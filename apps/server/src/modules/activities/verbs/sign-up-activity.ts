import type { ActivityDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, forbidden, isUniqueViolation } from '../../../core/errors.js';
import { ACTIVITY_MESSAGES as M } from '../messages.js';
import { canSeeActivity, canSignUp, fitsAudience } from '../policy.js';
import { presentActivity } from '../presenter.js';
import { findActivity, findLiveSignup, insertSignup, lockActivity, signerProfile, updateActivity } from '../repo.js';

/**
 * POST /api/activities/:id/sign-up: a confirmed place while there is one, else the waitlist. The activity row is
 * locked, so sign-ups arriving at once are counted one after another and it never goes over capacity.
 */
export async function signUpActivity({ ctx, input }: VerbArgs<{ id: string }>): Promise<ActivityDto> {
  const profile = await signerProfile(ctx.db, ctx.actor);
  await inTx(ctx, async (tctx) => {
    const a = authorize(await lockActivity(tctx.tx, input.id), { see: (row) => canSeeActivity(ctx.actor, row), entity: 'activity' });
    if (a.status !== 'open') throw conflict(M.notOpen()[ctx.locale]);
    if (!canSignUp(ctx.actor, a, profile)) {
      if (!fitsAudience(a, profile)) throw conflict(M.notAudience()[ctx.locale]);
      throw forbidden();
    }
    if (await findLiveSignup(tctx.tx, a.id, ctx.actor.userId)) throw conflict(M.alreadySignedUp()[ctx.locale]);
    const confirmed = a.confirmedCount < a.capacity;
    const s = await insertSignup(tctx.tx, {
      activityId: a.id,
      userId: ctx.actor.userId,
      volunteerId: profile.volunteer?.id ?? null,
      displayName: ctx.actor.displayName,
      status: confirmed ? 'confirmed' : 'waitlisted',
    }).catch((e: unknown) => {
      if (isUniqueViolation(e)) throw conflict(M.alreadySignedUp()[ctx.locale]);
      throw e;
    });
    if (confirmed) await updateActivity(tctx.tx, a.id, { confirmedCount: a.confirmedCount + 1 });
    await writeAudit(tctx, {
      action: 'activity.sign_up',
      entityType: 'activity_signup',
      entityId: s.id,
      streetId: a.streetId,
      communityId: a.communityId,
      details: { activityId: a.id, status: s.status },
    });
  });
  const a = (await findActivity(ctx.db, input.id))!;
  return presentActivity(ctx.actor, a, profile, await findLiveSignup(ctx.db, a.id, ctx.actor.userId));
}
