import { type ResidentSearchPage, type ResidentSearchQuery, localDate } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { requireRegistryReader } from '../access.js';
import { residentFilterFor } from '../filters.js';
import { presentResidentItem } from '../presenter.js';
import { loadResidentsByIds } from '../repo.js';
import { searchResidentIds } from '../repo-resident-page.js';

/** GET /api/residents: scoped, filtered, paged, in address order; ID numbers and phones masked; the total capped. */
export async function searchResidents({ ctx, input }: VerbArgs<ResidentSearchQuery>): Promise<ResidentSearchPage> {
  requireRegistryReader(ctx.actor);
  const today = localDate();
  const { ids, total, totalCapped } = await searchResidentIds(ctx.db, await residentFilterFor(ctx, input, today), input);
  const rows = await loadResidentsByIds(ctx.db, ids);
  const deps = { actor: ctx.actor, pii: ctx.pii, today };
  return { items: rows.map((r) => presentResidentItem(deps, r)), total, totalCapped, page: input.page, pageSize: input.pageSize };
}
