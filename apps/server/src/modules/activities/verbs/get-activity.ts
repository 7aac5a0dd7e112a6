import type { ActivityDto } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { canSeeActivity } from '../policy.js';
import { presentActivity } from '../presenter.js';
import { findActivity, findLiveSignup, signerProfile } from '../repo.js';

/** GET /api/activities/:id: one activity as the actor sees it (the check-in code only for its organisers). */
export async function getActivity({ ctx, input }: VerbArgs<{ id: string }>): Promise<ActivityDto> {
  const a = authorize(await findActivity(ctx.db, input.id), { see: (row) => canSeeActivity(ctx.actor, row), entity: 'activity' });
  const [profile, own] = await Promise.all([signerProfile(ctx.db, ctx.actor), findLiveSignup(ctx.db, a.id, ctx.actor.userId)]);
  return presentActivity(ctx.actor, a, profile, own);
}
