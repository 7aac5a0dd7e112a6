import type { StarSettingsInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { findCommunity } from '../../care-tags/repo.js';
import { VOLUNTEER_MESSAGES as M } from '../messages.js';
import { canManageVolunteers } from '../policy.js';
import { canOn } from '../../../core/actor.js';
import { upsertStarThresholds } from '../repo.js';

/** PUT /api/volunteer-stars: a community's star levels (cumulative verified hours, ascending). */
export async function setStarThresholds({
  ctx,
  input,
}: VerbArgs<StarSettingsInput>): Promise<{ communityId: string; thresholds: number[] }> {
  const c = authorize(await findCommunity(ctx.db, input.communityId), {
    see: (row) => canOn(ctx.actor, 'volunteers.read', row),
    act: (row) => canManageVolunteers(ctx.actor, row),
    entity: 'community',
  });
  if (input.thresholds.some((v, i) => i > 0 && v <= input.thresholds[i - 1]!))
    throw invalid([{ path: 'thresholds', message: M.ascending()[ctx.locale] }]);
  return inTx(ctx, async (tctx) => {
    await upsertStarThresholds(tctx.tx, c.id, input.thresholds);
    await writeAudit(tctx, {
      action: 'volunteer_stars.update',
      entityType: 'community',
      entityId: c.id,
      streetId: c.streetId,
      communityId: c.id,
      details: { thresholds: input.thresholds },
    });
    return { communityId: c.id, thresholds: input.thresholds };
  });
}
