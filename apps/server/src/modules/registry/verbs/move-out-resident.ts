import type { MoveOutInput, ResidentDto } from '@linli/contracts';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { residentCard } from '../cards.js';
import { endResidence } from '../residence-end.js';

/** 迁出: one resident moves out of the household. */
export async function moveOutResident({ ctx, input }: VerbArgs<MoveOutInput & { residentId: string }>): Promise<ResidentDto> {
  await inTx(ctx, (tctx) =>
    endResidence(tctx, input.residentId, { status: 'moved_out', date: input.date, reason: input.reason, action: 'move_out' }),
  );
  return residentCard(ctx, input.residentId);
}
