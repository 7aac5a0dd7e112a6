import type { BallotList, IdParam } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { seeConsultation } from '../access.js';
import { canManageConsultation } from '../policy.js';
import { presentBallot } from '../presenter.js';
import { listVotes } from '../repo.js';

/** GET /api/consultations/:id/votes: every vote with its channel, the voters masked (managers only). */
export async function listBallots({ ctx, input }: VerbArgs<IdParam>): Promise<BallotList> {
  const { row } = await seeConsultation(ctx.db, ctx.actor, input.id);
  authorize(row, { see: () => true, act: (c) => canManageConsultation(ctx.actor, c) });
  return { items: (await listVotes(ctx.db, row.id)).map(presentBallot) };
}
