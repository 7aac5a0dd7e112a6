import type { HoursDto, VerifyHoursInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid } from '../../../core/errors.js';
import { VOLUNTEER_MESSAGES as M } from '../messages.js';
import { canManageVolunteers } from '../policy.js';
import { presentHours } from '../presenter.js';
import { lockHours, setHoursStatus } from '../repo.js';
import { canOn } from '../../../core/actor.js';

/** POST /api/volunteer-hours/:id/verify: staff of the scope accept or reject self-reported hours. */
export async function verifyHours({ ctx, input }: VerbArgs<VerifyHoursInput & { id: string }>): Promise<HoursDto> {
  requireAbility(ctx.actor, 'volunteers.write');
  return inTx(ctx, async (tctx) => {
    const h = authorize(await lockHours(tctx.tx, input.id), {
      see: (row) => canOn(ctx.actor, 'volunteers.read', row),
      act: (row) => canManageVolunteers(ctx.actor, row),
      entity: 'volunteer_hours',
    });
    if (h.status !== 'pending') throw conflict(M.alreadyDecided()[ctx.locale]);
    if (!input.approve && !input.reason) throw invalid([{ path: 'reason', message: M.reasonRequired()[ctx.locale] }]);
    const note = input.approve ? null : (input.reason ?? null);
    const row = await setHoursStatus(tctx.tx, h.id, input.approve ? 'verified' : 'rejected', ctx.actor.userId, note);
    await writeAudit(tctx, {
      action: 'volunteer_hours.verify',
      entityType: 'volunteer_hours',
      entityId: h.id,
      streetId: h.streetId,
      communityId: h.communityId,
      details: { approve: input.approve, hours: h.hours, reason: note },
    });
    return presentHours(row);
  });
}
