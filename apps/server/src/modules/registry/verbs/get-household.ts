import type { HouseholdDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { readableHousehold } from '../access.js';
import { presentHouseholdCard } from '../cards.js';

/** GET /api/households/:id: the household card with its members and visit dates. */
export async function getHousehold({ ctx, input }: VerbArgs<{ householdId: string }>): Promise<HouseholdDto> {
  return presentHouseholdCard(ctx, await readableHousehold(ctx, input.householdId));
}
