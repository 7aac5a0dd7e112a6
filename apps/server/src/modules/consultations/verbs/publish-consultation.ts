import type { IdParam, VoteTopicDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { viewTopic, voterOf } from '../access.js';
import { isOpen } from '../eligibility.js';
import { CONSULTATION_MESSAGES as M } from '../messages.js';
import { canManageConsultation, canSeeConsultation } from '../policy.js';
import { countEligible, findConsultation, lockConsultation, markPublished, tallyOf } from '../repo.js';

/** POST /api/consultations/:id/publish: after closing, publishes the results to the residents concerned and freezes the record. */
export async function publishConsultation({ ctx, input }: VerbArgs<IdParam>): Promise<VoteTopicDto> {
  const self = await voterOf(ctx.db, ctx.actor);
  return inTx(ctx, async (tctx) => {
    const { tx, actor, locale } = tctx;
    const row = authorize(await lockConsultation(tx, input.id), {
      see: (c) => canSeeConsultation(actor, self, c),
      act: (c) => canManageConsultation(actor, c),
      entity: 'consultation',
    });
    if (row.publishedAt) throw conflict(M.published()[locale]);
    if (isOpen(row, new Date())) throw conflict(M.stillOpen(row.closesAt)[locale]);
    const eligible = await countEligible(tx, row);
    await markPublished(tx, row.id, eligible);
    const votes = (await tallyOf(tx, row.id)).reduce((s, t) => s + t.n, 0);
    await writeAudit(tctx, {
      action: 'consultation.publish',
      entityType: 'consultation',
      entityId: row.id,
      streetId: row.streetId,
      communityId: row.communityId,
      details: { eligible, votes, quorum: row.quorum },
    });
    return viewTopic(tx, actor, self, (await findConsultation(tx, row.id))!);
  });
}
