import type { PortalHomeDto } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { hasAbility } from '../../core/actor.js';
import type { AuthedCtx } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { residents } from '../../db/schema/index.js';
import { locationOfHousehold } from '../orders/location.js';

/** The signed-in resident's home: their active household's address, the place every portal order goes to. */
export async function getPortalHome({ ctx }: { ctx: AuthedCtx }): Promise<PortalHomeDto> {
  if (!hasAbility(ctx.actor, 'portal.use')) throw forbidden();
  if (!ctx.actor.residentId) return { home: null };
  const [resident] = await ctx.db
    .select({ householdId: residents.householdId })
    .from(residents)
    .where(and(eq(residents.id, ctx.actor.residentId), eq(residents.status, 'active')));
  const location = resident ? await locationOfHousehold(ctx.db, resident.householdId) : null;
  if (!resident || !location) return { home: null };
  return { home: { householdId: resident.householdId, address: location.address, communityId: location.communityId } };
}
