import { type ResidentSearchItem, localDate } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { readableResident } from '../access.js';
import { presentResidentItem } from '../presenter.js';

/** GET /api/residents/:id: one resident with their address, ID number and phone masked. */
export async function getResident({ ctx, input }: VerbArgs<{ residentId: string }>): Promise<ResidentSearchItem> {
  const row = await readableResident(ctx, input.residentId);
  return presentResidentItem({ actor: ctx.actor, pii: ctx.pii, today: localDate() }, row);
}
