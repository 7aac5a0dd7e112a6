import type { ActivityDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { ACTIVITY_MESSAGES as M } from '../messages.js';
import { canManageActivity, canSeeActivity } from '../policy.js';
import { presentActivity } from '../presenter.js';
import {
  findActivity,
  findLiveSignup,
  firstWaitlisted,
  lockActivity,
  lockSignup,
  signerProfile,
  updateActivity,
  updateSignup,
} from '../repo.js';

/**
 * POST /api/activities/:id/cancel: withdraws the actor's own sign-up (or, for staff, the one named); a freed place goes
 * at once to the longest-waiting person on the waitlist.
 */
export async function cancelSignup({ ctx, input }: VerbArgs<{ id: string; signupId?: string }>): Promise<ActivityDto> {
  await inTx(ctx, async (tctx) => {
    const a = authorize(await lockActivity(tctx.tx, input.id), { see: (row) => canSeeActivity(ctx.actor, row), entity: 'activity' });
    const own = input.signupId ? undefined : await findLiveSignup(tctx.tx, a.id, ctx.actor.userId);
    const target = own ?? (input.signupId ? await lockSignup(tctx.tx, input.signupId) : undefined);
    const s = authorize(target, {
      see: (row) => row.activityId === a.id && row.status !== 'cancelled',
      act: (row) => row.userId === ctx.actor.userId || canManageActivity(ctx.actor, a),
      entity: 'signup',
    });
    if (a.status !== 'open') throw conflict(M.notOpen()[ctx.locale]);
    await updateSignup(tctx.tx, s.id, { status: 'cancelled' });
    let promoted: string | null = null;
    if (s.status === 'confirmed') {
      const next = await firstWaitlisted(tctx.tx, a.id);
      if (next) promoted = (await updateSignup(tctx.tx, next.id, { status: 'confirmed' })).id;
      else await updateActivity(tctx.tx, a.id, { confirmedCount: a.confirmedCount - 1 });
    }
    await writeAudit(tctx, {
      action: 'activity.cancel_signup',
      entityType: 'activity_signup',
      entityId: s.id,
      streetId: a.streetId,
      communityId: a.communityId,
      details: { activityId: a.id, was: s.status, promoted },
    });
  });
  const a = (await findActivity(ctx.db, input.id))!;
  return presentActivity(ctx.actor, a, await signerProfile(ctx.db, ctx.actor), await findLiveSignup(ctx.db, a.id, ctx.actor.userId));
}
