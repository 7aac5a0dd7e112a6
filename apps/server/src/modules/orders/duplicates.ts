import type { DuplicateList, OrderStatus } from '@linli/contracts';
import type { AuthedCtx } from '../../core/context.js';
import { presentDuplicateCandidate } from './presenter.js';
import { type DuplicatePlace, findDuplicates } from './repo-dispatch.js';
import { loadOrderRefs } from './repo-refs.js';

/** Orders that may still absorb a duplicate (并单): not yet handled. */
const MERGEABLE: readonly OrderStatus[] = ['placed', 'dispatched', 'accepted', 'in_progress'];
const MIN_SIMILARITY = 0.2;
const MAX_CANDIDATES = 10;

export type DuplicateSearch = { serviceId: string; text: string; where: DuplicatePlace; excludeId?: string };

/** Open orders of the same service near `where` with similar text, as 并单 candidates the actor may be shown. */
export async function duplicateCandidates(ctx: AuthedCtx, search: DuplicateSearch): Promise<DuplicateList> {
  const rows = await findDuplicates(ctx.db, { ...search, statuses: MERGEABLE, minSimilarity: MIN_SIMILARITY, limit: MAX_CANDIDATES });
  const refs = await loadOrderRefs(ctx.db, rows);
  const now = new Date();
  return { items: rows.map((r) => presentDuplicateCandidate(ctx.actor, r, refs, now)) };
}
