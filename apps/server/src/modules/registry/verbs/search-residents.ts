import { type ResidentSearchItem, type ResidentSearchQuery, localDate } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { requireRegistryReader } from '../access.js';
import { residentFilterFor } from '../filters.js';
import { type Paged, presentResidentItem } from '../presenter.js';
import { loadResidentsByIds } from '../repo.js';
import { searchResidentIds } from '../repo-search.js';

/** GET /api/residents: scoped, filtered, paged, in address order; ID numbers and phones masked. */
export async function searchResidents({ ctx, input }: VerbArgs<ResidentSearchQuery>): Promise<Paged<ResidentSearchItem>> {
  requireRegistryReader(ctx.actor);
  const today = localDate();
  const { ids, total } = await searchResidentIds(ctx.db, await residentFilterFor(ctx, input, today), input);
  const rows = await loadResidentsByIds(ctx.db, ids);
  const deps = { actor: ctx.actor, pii: ctx.pii, today };
  return { items: rows.map((r) => presentResidentItem(deps, r)), total, page: input.page, pageSize: input.pageSize };
}
