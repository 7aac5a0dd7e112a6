import type { CheckInInput, SignupDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid } from '../../../core/errors.js';
import { isCheckInOpen } from '../attendance.js';
import { ACTIVITY_MESSAGES as M } from '../messages.js';
import { canManageActivity, canSeeActivity } from '../policy.js';
import { presentSignups } from '../presenter.js';
import { findLiveSignup, lockActivity, lockSignup, updateSignup } from '../repo.js';

/**
 * POST /api/activities/:id/check-in: a participant types the code shown on the organiser's phone, or the organiser
 * (staff) checks a sign-up in by its id. Only confirmed sign-ups, once, while check-in is open.
 */
export async function checkInActivity({ ctx, input }: VerbArgs<CheckInInput & { id: string }>): Promise<SignupDto> {
  const msg = (k: keyof typeof M) => M[k]()[ctx.locale];
  return inTx(ctx, async (tctx) => {
    const a = authorize(await lockActivity(tctx.tx, input.id), {
      see: (row) => canSeeActivity(ctx.actor, row),
      act: (row) => !input.signupId || canManageActivity(ctx.actor, row),
      entity: 'activity',
    });
    let found;
    if (input.signupId) found = await lockSignup(tctx.tx, input.signupId);
    else if (!input.code) throw invalid([{ path: 'code', message: msg('codeOrSignup') }]);
    else found = await findLiveSignup(tctx.tx, a.id, ctx.actor.userId);
    if (!found && !input.signupId) throw conflict(msg('noSignup'));
    const s = authorize(found, { see: (row) => row.activityId === a.id && row.status !== 'cancelled', entity: 'signup' });
    if (!input.signupId && input.code !== a.checkinCode) throw invalid([{ path: 'code', message: msg('wrongCode') }]);
    if (a.status !== 'open' || !isCheckInOpen(a, new Date())) throw conflict(msg('checkInClosed'));
    if (s.status !== 'confirmed') throw conflict(msg('notConfirmed'));
    if (s.checkedInAt) throw conflict(msg('alreadyCheckedIn'));
    const row = await updateSignup(tctx.tx, s.id, { checkedInAt: new Date() });
    await writeAudit(tctx, {
      action: 'activity.check_in',
      entityType: 'activity_signup',
      entityId: s.id,
      streetId: a.streetId,
      communityId: a.communityId,
      details: { activityId: a.id, by: input.signupId ? 'staff' : 'code' },
    });
    return presentSignups([row])[0]!;
  });
}
