import { z } from 'zod';
import { type Text, text } from './locale.js';

/**
 * 设岗定责: a post held by one person at a time. A member claims it (claimed) and staff confirm it (active) or
 * reject it; staff may also assign it directly (active). The holder may withdraw a claim; staff or the holder
 * end a held post (ended). Rejected, withdrawn and ended are final; the post is then open again.
 */
export const HolderStatus = z.enum(['claimed', 'active', 'ended', 'rejected', 'withdrawn']);
export type HolderStatus = z.infer<typeof HolderStatus>;

export const HolderEvent = z.enum(['confirm', 'reject', 'withdraw', 'end']);
export type HolderEvent = z.infer<typeof HolderEvent>;

/** Who moves a holding: an organiser (party staff of the post's scope) or the holder themself. */
export type HolderParty = 'organiser' | 'holder';

/** Statuses that occupy the post (at most one per post, held by a unique index). */
export const LIVE_HOLDER_STATUSES: readonly HolderStatus[] = ['claimed', 'active'];

export const HOLDER_STATUS_LABELS: Record<HolderStatus, Text> = {
  claimed: text('待确认', 'Claimed'),
  active: text('在岗', 'Held'),
  ended: text('已离岗', 'Ended'),
  rejected: text('未通过', 'Rejected'),
  withdrawn: text('已撤回', 'Withdrawn'),
};

export const HOLDER_MOVES: Record<HolderEvent, { from: readonly HolderStatus[]; to: HolderStatus; by: readonly HolderParty[] }> = {
  confirm: { from: ['claimed'], to: 'active', by: ['organiser'] },
  reject: { from: ['claimed'], to: 'rejected', by: ['organiser'] },
  withdraw: { from: ['claimed'], to: 'withdrawn', by: ['holder'] },
  end: { from: ['active'], to: 'ended', by: ['organiser', 'holder'] },
};

export type HolderMoveDecision = { ok: true; to: HolderStatus } | { ok: false; reason: 'party' | 'state' };

/** Whether `parties` may apply `event` to a holding in `status`: 'party' → 403, 'state' → 409 INVALID_TRANSITION. */
export function decideHolderMove(status: HolderStatus, event: HolderEvent, parties: readonly HolderParty[]): HolderMoveDecision {
  const move = HOLDER_MOVES[event];
  if (!move.by.some((p) => parties.includes(p))) return { ok: false, reason: 'party' };
  if (!move.from.includes(status)) return { ok: false, reason: 'state' };
  return { ok: true, to: move.to };
}

/** The moves `parties` may make now (the buttons). */
export function availableHolderEvents(status: HolderStatus, parties: readonly HolderParty[]): HolderEvent[] {
  return HolderEvent.options.filter((e) => decideHolderMove(status, e, parties).ok);
}
