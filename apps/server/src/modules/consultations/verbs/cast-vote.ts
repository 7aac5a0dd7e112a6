import type { BallotInput, VoteTopicDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type TxCtx, type VerbArgs, inTx } from '../../../core/context.js';
import { AppError, conflict, invalid, isUniqueViolation } from '../../../core/errors.js';
import { viewTopic, voterOf } from '../access.js';
import { type Ineligibility, ineligibility, isOpen } from '../eligibility.js';
import { CONSULTATION_MESSAGES as M } from '../messages.js';
import { canManageConsultation, canSeeConsultation, canVoteOnline } from '../policy.js';
import { type ConsultationRow, type VoterRow, findConsultation, findVoter, householdVote, insertVote, lockConsultation } from '../repo.js';
import { ownedParts, partVote } from '../repo-owners.js';

export type CastVoteInput = BallotInput & { id: string };

const REASON = {
  outside: M.outside,
  inactive: M.inactive,
  not_representative: M.notRepresentative,
  not_owner: M.notOwner,
} satisfies Record<Ineligibility, unknown>;

type Voter = VoterRow & { parts: { flatId: string }[]; ownedParts: number };

/** The voter with the exclusive parts their household owns in the topic's area (owners' votes only). */
async function withParts(tctx: TxCtx, row: ConsultationRow, v: VoterRow): Promise<Voter> {
  const parts = row.eligibility === 'owners' ? await ownedParts(tctx.tx, row, v.householdId) : [];
  return { ...v, parts, ownedParts: parts.length };
}

/** Who votes: the signed-in resident online, or the resident staff name for an in-person or paper vote. */
async function voterFor(tctx: TxCtx, input: CastVoteInput, row: ConsultationRow, self: VoterRow | null): Promise<Voter> {
  const { actor, locale, tx } = tctx;
  if (input.channel === 'online') {
    if (!self) throw invalid([{ path: 'channel', message: M.notResident()[locale] }]);
    if (!canVoteOnline(actor, self, row)) throw invalid([{ path: 'channel', message: M.onlineByStaff()[locale] }]);
    const voter = await withParts(tctx, row, self);
    const why = ineligibility(row, voter);
    if (why) throw new AppError('FORBIDDEN', REASON[why]()[locale]);
    return voter;
  }
  authorize(row, { see: () => true, act: (c) => canManageConsultation(actor, c) });
  if (!input.residentId) throw invalid([{ path: 'residentId', message: M.voterRequired()[locale] }]);
  const found = await findVoter(tx, input.residentId);
  const voter = found && (await withParts(tctx, row, found));
  const why = voter ? ineligibility(row, voter) : 'outside';
  if (!voter || why) throw invalid([{ path: 'residentId', message: REASON[why ?? 'outside']()[locale] }]);
  return voter;
}

/** Owners' votes: the part this vote stands for (named, or the only one owned); null for household votes. */
function partFor(tctx: TxCtx, input: CastVoteInput, row: ConsultationRow, voter: Voter): string | null {
  if (row.eligibility !== 'owners') return null;
  const { locale } = tctx;
  if (input.flatId) {
    if (!voter.parts.some((p) => p.flatId === input.flatId)) throw invalid([{ path: 'flatId', message: M.notOwner()[locale] }]);
    return input.flatId;
  }
  if (voter.parts.length > 1) throw invalid([{ path: 'flatId', message: M.partRequired()[locale] }]);
  return voter.parts[0]!.flatId;
}

/** POST /api/consultations/:id/votes: one vote per household across every channel; refused after closing or outside the eligible set. */
export async function castVote({ ctx, input }: VerbArgs<CastVoteInput>): Promise<VoteTopicDto> {
  const self = await voterOf(ctx.db, ctx.actor);
  try {
    return await inTx(ctx, async (tctx) => {
      const { tx, actor, locale } = tctx;
      const row = authorize(await lockConsultation(tx, input.id), {
        see: (c) => canSeeConsultation(actor, self, c),
        entity: 'consultation',
      });
      const voter = await voterFor(tctx, input, row, self);
      if (!row.options.some((o) => o.key === input.optionKey)) throw invalid([{ path: 'optionKey', message: M.unknownOption()[locale] }]);
      if (!isOpen(row, new Date())) throw conflict(M.closed(row.closesAt)[locale], { reason: 'closed' });
      const flatId = partFor(tctx, input, row, voter);
      const earlier = flatId ? await partVote(tx, row.id, flatId) : await householdVote(tx, row.id, voter.householdId);
      const already = flatId ? M.partVoted : M.alreadyVoted;
      if (earlier) throw conflict(already(earlier.castAt, earlier.channel)[locale], { reason: 'already_voted' });
      const vote = await insertVote(tx, {
        consultationId: row.id,
        householdId: voter.householdId,
        flatId,
        residentId: voter.residentId,
        optionKey: input.optionKey,
        channel: input.channel,
        recordedBy: actor.userId,
      });
      await writeAudit(tctx, {
        action: 'consultation.vote',
        entityType: 'consultation',
        entityId: row.id,
        streetId: row.streetId,
        communityId: row.communityId,
        details: { voteId: vote.id, channel: input.channel, ...(flatId ? { flatId } : {}) },
      });
      return viewTopic(tx, actor, self, row);
    });
  } catch (e) {
    // the row lock makes this rare; the unique index is what finally holds one vote per household
    if (isUniqueViolation(e)) {
      const already = (await findConsultation(ctx.db, input.id))?.eligibility === 'owners' ? M.partVoted : M.alreadyVoted;
      throw conflict(already(new Date(), input.channel)[ctx.locale], { reason: 'already_voted' });
    }
    throw e;
  }
}
