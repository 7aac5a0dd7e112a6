import type { HistoryListDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { readableResident } from '../access.js';
import { presentHistory } from '../presenter.js';
import { listHistory } from '../repo.js';

/** GET /api/residents/:id/history: a resident's changes, newest first. */
export async function listResidentHistory({ ctx, input }: VerbArgs<{ residentId: string }>): Promise<HistoryListDto> {
  const row = await readableResident(ctx, input.residentId);
  return { items: (await listHistory(ctx.db, { residentId: row.id })).map(presentHistory) };
}
