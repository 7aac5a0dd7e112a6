import type { ActivityListDto, ActivityListQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { forbidden } from '../../../core/errors.js';
import { hasAbility } from '../../../core/actor.js';
import { homeCommunities } from '../../volunteers/policy.js';
import { presentActivity } from '../presenter.js';
import { listActivitiesVisible, ownSignups, signerProfile } from '../repo.js';

/** GET /api/activities: activities of the actor's scope (staff) or home community (residents, volunteers), newest first. */
export async function listActivities({ ctx, input }: VerbArgs<ActivityListQuery>): Promise<ActivityListDto> {
  const homes = [...homeCommunities(ctx.actor)];
  if (homes.length === 0 && !hasAbility(ctx.actor, 'volunteers.read')) throw forbidden();
  const { items, total } = await listActivitiesVisible(ctx.db, ctx.actor, homes, input);
  const [own, profile] = await Promise.all([
    ownSignups(
      ctx.db,
      ctx.actor.userId,
      items.map((a) => a.id),
    ),
    signerProfile(ctx.db, ctx.actor),
  ]);
  return { items: items.map((a) => presentActivity(ctx.actor, a, profile, own.get(a.id))), total };
}
