import type { HouseholdListItem, HouseholdListQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { requireRegistryReader } from '../access.js';
import { householdFilterFor } from '../filters.js';
import { type Paged, presentHouseholdItem } from '../presenter.js';
import { loadHouseholds } from '../repo.js';
import { listHouseholdIds } from '../repo-household-page.js';

/** GET /api/households: scoped, filtered, paged, in address order. */
export async function listHouseholds({ ctx, input }: VerbArgs<HouseholdListQuery>): Promise<Paged<HouseholdListItem>> {
  requireRegistryReader(ctx.actor);
  const { ids, total } = await listHouseholdIds(ctx.db, await householdFilterFor(ctx, input), input);
  return { items: (await loadHouseholds(ctx.db, ids)).map(presentHouseholdItem), total, page: input.page, pageSize: input.pageSize };
}
