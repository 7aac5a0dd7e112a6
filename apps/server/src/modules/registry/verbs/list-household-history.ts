import type { HistoryListDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { readableHousehold } from '../access.js';
import { presentHistory } from '../presenter.js';
import { listHistory } from '../repo.js';

/** GET /api/households/:id/history: a household's changes, its members' included, newest first. */
export async function listHouseholdHistory({ ctx, input }: VerbArgs<{ householdId: string }>): Promise<HistoryListDto> {
  const row = await readableHousehold(ctx, input.householdId);
  return { items: (await listHistory(ctx.db, { householdId: row.id })).map(presentHistory) };
}
