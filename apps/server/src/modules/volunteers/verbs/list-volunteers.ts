import type { VolunteerListDto, VolunteerListQuery } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { presentVolunteer } from '../presenter.js';
import { listVolunteersInScope, thresholdsFor } from '../repo.js';

/** GET /api/volunteers: the registry of volunteers in scope, most hours first, phones masked. */
export async function listVolunteers({ ctx, input }: VerbArgs<VolunteerListQuery>): Promise<VolunteerListDto> {
  requireAbility(ctx.actor, 'volunteers.read');
  const { items, total } = await listVolunteersInScope(ctx.db, ctx.actor, input);
  const stars = await thresholdsFor(
    ctx.db,
    items.map((v) => v.communityId),
  );
  return { items: items.map((v) => presentVolunteer(ctx.actor, ctx.pii, v, stars.get(v.communityId)!)), total };
}
