import type { PendingHoursListDto } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { presentHours } from '../presenter.js';
import { pendingHoursInScope } from '../repo-teams.js';

/** GET /api/volunteer-hours/pending: self-reported hours in the caller's volunteer scope waiting to be checked. */
export async function listPendingHours({ ctx, input }: VerbArgs<{ communityId?: string }>): Promise<PendingHoursListDto> {
  requireAbility(ctx.actor, 'volunteers.write');
  const rows = await pendingHoursInScope(ctx.db, ctx.actor, input.communityId);
  return {
    items: rows.map((r) => ({
      ...presentHours(r.hours),
      volunteerId: r.hours.volunteerId,
      volunteerName: r.volunteerName,
      teamName: r.teamName,
    })),
  };
}
