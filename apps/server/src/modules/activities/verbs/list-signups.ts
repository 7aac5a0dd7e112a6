import type { SignupListDto } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { canManageActivity, canSeeActivity } from '../policy.js';
import { presentSignups } from '../presenter.js';
import { findActivity, signupsOf } from '../repo.js';

/** GET /api/activities/:id/signups: the roster and the waitlist in order, for the organiser's phone. */
export async function listSignups({ ctx, input }: VerbArgs<{ id: string }>): Promise<SignupListDto> {
  const a = authorize(await findActivity(ctx.db, input.id), {
    see: (row) => canSeeActivity(ctx.actor, row),
    act: (row) => canManageActivity(ctx.actor, row),
    entity: 'activity',
  });
  return { items: presentSignups(await signupsOf(ctx.db, a.id)) };
}
