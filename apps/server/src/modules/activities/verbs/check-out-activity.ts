import type { CheckOutInput, SignupDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { ACTIVITY_MESSAGES as M } from '../messages.js';
import { canManageActivity, canSeeActivity } from '../policy.js';
import { presentSignups } from '../presenter.js';
import { lockActivity, lockSignup, updateSignup } from '../repo.js';

/** POST /api/activities/:id/check-out: the organiser records when a checked-in person left (it bounds their hours). */
export async function checkOutActivity({ ctx, input }: VerbArgs<CheckOutInput & { id: string }>): Promise<SignupDto> {
  return inTx(ctx, async (tctx) => {
    const a = authorize(await lockActivity(tctx.tx, input.id), {
      see: (row) => canSeeActivity(ctx.actor, row),
      act: (row) => canManageActivity(ctx.actor, row),
      entity: 'activity',
    });
    const s = authorize(await lockSignup(tctx.tx, input.signupId), { see: (row) => row.activityId === a.id, entity: 'signup' });
    if (!s.checkedInAt) throw conflict(M.notCheckedIn()[ctx.locale]);
    if (s.checkedOutAt) throw conflict(M.alreadyCheckedOut()[ctx.locale]);
    const row = await updateSignup(tctx.tx, s.id, { checkedOutAt: new Date() });
    await writeAudit(tctx, {
      action: 'activity.check_out',
      entityType: 'activity_signup',
      entityId: s.id,
      streetId: a.streetId,
      communityId: a.communityId,
      details: { activityId: a.id },
    });
    return presentSignups([row])[0]!;
  });
}
