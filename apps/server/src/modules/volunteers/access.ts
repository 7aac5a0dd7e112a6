import { canOn } from '../../core/actor.js';
import { authorize, requireAbility } from '../../core/authorize.js';
import type { AuthedCtx } from '../../core/context.js';
import { findCommunity } from '../care-tags/repo.js';
import { canManageVolunteers } from './policy.js';

/** The community a volunteer-staff write names: 404 outside the actor's volunteer scope, 403 when they only read it. */
export async function manageableCommunity(ctx: AuthedCtx, communityId: string) {
  requireAbility(ctx.actor, 'volunteers.write');
  return authorize(await findCommunity(ctx.db, communityId), {
    see: (row) => canOn(ctx.actor, 'volunteers.read', row),
    act: (row) => canManageVolunteers(ctx.actor, row),
    entity: 'community',
  });
}
