/**
 * How long a claim may wait for its link before it counts as released: the other module's verb takes seconds, so a
 * claim this old belongs to a process that died between claim and link.
 */
export const CLAIM_STALE_MS = 5 * 60_000;

/** Where a decision stands: open to act on, claimed by an action under way, or acted on (linked). */
export type DecisionState = 'open' | 'underway' | 'acted';

export function decisionState(d: { outcome: string | null; claimedAt: Date | null }, now: Date): DecisionState {
  if (!d.outcome) return 'open';
  if (!d.claimedAt) return 'acted';
  return now.getTime() - d.claimedAt.getTime() >= CLAIM_STALE_MS ? 'open' : 'underway';
}
