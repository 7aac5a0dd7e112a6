import type { HouseholdProgrammesDto } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { canOn } from '../../../core/actor.js';
import { findHousehold, householdEnrolments } from '../repo.js';

/** GET /api/households/:id/programmes: what a household's members receive (its card shows it). */
export async function listHouseholdProgrammes({ ctx, input }: VerbArgs<{ householdId: string }>): Promise<HouseholdProgrammesDto> {
  const household = authorize(await findHousehold(ctx.db, input.householdId), {
    see: (h) => canOn(ctx.actor, 'registry.read', h),
    act: (h) => canOn(ctx.actor, 'programmes.read', h),
    entity: 'household',
  });
  return { householdId: household.id, items: await householdEnrolments(ctx.db, household.id) };
}
