import type { VisitListDto } from '@linli/contracts';
import { authorize, requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { canReadVisits, visitAbilities } from '../policy.js';
import { presentVisit } from '../presenter.js';
import { findHousehold, listVisitsOf } from '../repo.js';
import { visitSummaries } from '../summaries.js';

/** GET /api/households/:id/visits: a household's visits, newest first, with its visit summary and whether the actor may record one. */
export async function listHouseholdVisits({ ctx, input }: VerbArgs<{ householdId: string }>): Promise<VisitListDto> {
  requireAbility(ctx.actor, 'registry.read');
  const household = authorize(await findHousehold(ctx.db, input.householdId), {
    see: (h) => canReadVisits(ctx.actor, h),
    entity: 'household',
  });
  const [rows, summaries] = await Promise.all([listVisitsOf(ctx.db, household.id), visitSummaries(ctx.db, [household.id])]);
  return {
    items: rows.map(presentVisit),
    summary: summaries.get(household.id) ?? { lastVisitOn: null, everyDays: null, nextVisitDue: null },
    abilities: visitAbilities(ctx.actor, household),
  };
}
