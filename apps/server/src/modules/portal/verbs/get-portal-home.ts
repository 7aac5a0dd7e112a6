import type { PortalHomeDto } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { findActiveResident, locationOfHousehold } from '../../orders/repo-places.js';

/** GET /api/portal/home: the signed-in resident's active household and its address, the place every portal order goes to. */
export async function getPortalHome({ ctx }: VerbArgs): Promise<PortalHomeDto> {
  requireAbility(ctx.actor, 'portal.use');
  const resident = ctx.actor.residentId ? await findActiveResident(ctx.db, ctx.actor.residentId) : null;
  const location = resident ? await locationOfHousehold(ctx.db, resident.householdId) : null;
  if (!resident || !location) return { home: null };
  return { home: { householdId: resident.householdId, address: location.address, communityId: location.communityId } };
}
