import type { RecordDeathInput, ResidentDto } from '@linli/contracts';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { residentCard } from '../cards.js';
import { endResidence } from '../residence-end.js';

/** 死亡: records a resident's death. */
export async function recordResidentDeath({ ctx, input }: VerbArgs<RecordDeathInput & { residentId: string }>): Promise<ResidentDto> {
  await inTx(ctx, (tctx) =>
    endResidence(tctx, input.residentId, { status: 'deceased', date: input.date, reason: input.note, action: 'death' }),
  );
  return residentCard(ctx, input.residentId);
}
