import { type IdParam, type VoteTopicDto, pickLocale } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { viewTopic, voterOf } from '../access.js';
import { isOpen } from '../eligibility.js';
import { CONSULTATION_MESSAGES as M } from '../messages.js';
import { canManageConsultation, canSeeConsultation } from '../policy.js';
import { countEligible, findConsultation, lockConsultation, markPublished } from '../repo.js';
import { concernedAccounts, notifyAccounts } from '../repo-notify.js';

/** The notification of the published result, in each recipient's language. */
function resultNotice(dto: VoteTopicDto, locale: string) {
  const win = dto.tally?.find((t) => t.key === dto.winner);
  const l = pickLocale(locale);
  return {
    kind: 'consultation_published',
    title: M.resultTitle(dto.title)[l],
    body: dto.owners
      ? M.ownerResult(win?.label ?? null)[l]
      : M.resultBody(dto.votedCount, dto.eligibleCount, win ? { label: win.label, votes: win.votes } : null)[l],
  };
}

/**
 * POST /api/consultations/:id/publish: after closing, publishes the results, freezes the record and notifies the
 * residents concerned who have portal accounts, in their language, in the same transaction.
 */
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
    await markPublished(tx, row, eligible);
    const published = (await findConsultation(tx, row.id))!;
    const dto = await viewTopic(tx, actor, self, published);
    const accounts = await concernedAccounts(tx, published);
    await notifyAccounts(
      tx,
      accounts.map((a) => ({ userId: a.userId, ...resultNotice(dto, a.locale) })),
    );
    await writeAudit(tctx, {
      action: 'consultation.publish',
      entityType: 'consultation',
      entityId: row.id,
      streetId: row.streetId,
      communityId: row.communityId,
      details: { eligible, votes: dto.votedCount, quorum: row.quorum, notified: accounts.length },
    });
    return dto;
  });
}
