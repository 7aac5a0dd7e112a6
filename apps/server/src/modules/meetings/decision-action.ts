import type { AuditAction, DecisionOutcome, MeetingDto } from '@linli/contracts';
import { writeAudit } from '../../core/audit.js';
import { type AuthedCtx, type TxCtx, inTx } from '../../core/context.js';
import { conflict, notFound } from '../../core/errors.js';
import { lockMeetingForWrite, meetingDto } from './access.js';
import { MEETING_MESSAGES as M } from './messages.js';
import { decisionState } from './decision-claim.js';
import { type DecisionRow, type MeetingWithCounts, claimDecision, lockDecision, releaseDecisionClaim } from './repo.js';

export type DecisionIds = { id: string; decisionId: string };
type Locked = { meeting: MeetingWithCounts; decision: DecisionRow };

async function lockOpenDecision(tctx: TxCtx, ids: DecisionIds): Promise<Locked> {
  const meeting = await lockMeetingForWrite(tctx, ids.id, ['held']);
  const decision = await lockDecision(tctx.tx, meeting.id, ids.decisionId);
  if (!decision) throw notFound('meeting_decision');
  const state = decisionState(decision, new Date());
  if (state === 'acted') throw conflict(M.alreadyActed()[tctx.locale], { outcome: decision.outcome });
  if (state === 'underway') throw conflict(M.actionUnderway()[tctx.locale], { outcome: decision.outcome });
  return { meeting, decision };
}

/**
 * Turns a decision into action in three steps: checks the meeting (held, the actor runs it) and claims the decision
 * (not yet acted on: its outcome and claim time are set at once, so a second caller gets 409 before anything is
 * made), lets `act` call the other module's verb (its own transaction; on failure the claim is released), then links
 * what it made, ends the claim and audits. A claim never linked (the process died) counts as released once stale.
 */
export async function actOnDecision<T>(
  ctx: AuthedCtx,
  ids: DecisionIds,
  outcome: DecisionOutcome,
  act: (locked: Locked) => Promise<T>,
  link: (tctx: TxCtx, locked: Locked, made: T) => Promise<Record<string, unknown>>,
): Promise<MeetingDto> {
  const claimedAt = new Date();
  const first = await inTx(ctx, async (tctx) => {
    const locked = await lockOpenDecision(tctx, ids);
    await claimDecision(tctx.tx, locked.decision.id, outcome, claimedAt);
    return locked;
  });
  let made: T;
  try {
    made = await act(first);
  } catch (e) {
    await inTx(ctx, (tctx) => releaseDecisionClaim(tctx.tx, first.decision.id, claimedAt));
    throw e;
  }
  return inTx(ctx, async (tctx) => {
    const meeting = await lockMeetingForWrite(tctx, ids.id, ['held']);
    const decision = await lockDecision(tctx.tx, meeting.id, ids.decisionId);
    if (!decision) throw notFound('meeting_decision');
    // our claim went stale and another caller took the decision meanwhile: theirs is the one linked
    if (decision.claimedAt?.getTime() !== claimedAt.getTime()) throw conflict(M.alreadyActed()[tctx.locale], { outcome: decision.outcome });
    const locked = { meeting, decision };
    const details = await link(tctx, locked, made);
    const action: AuditAction = `meeting.decision_${outcome}`;
    await writeAudit(tctx, {
      action,
      entityType: 'meeting',
      entityId: locked.meeting.id,
      streetId: locked.meeting.streetId,
      communityId: locked.meeting.communityId,
      details: { decisionId: locked.decision.id, ...details },
    });
    return meetingDto(tctx, tctx.tx, locked.meeting.id);
  });
}
