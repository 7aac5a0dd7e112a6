import { describe, expect, it } from 'vitest';
import { HolderEvent, HolderStatus, availableHolderEvents, decideHolderMove } from './post-machine.js';

describe('post holding machine', () => {
  it('organiser: can confirm or reject a claim, and end a held post', () => {
    expect(decideHolderMove('claimed', 'confirm', ['organiser'])).toEqual({ ok: true, to: 'active' });
    expect(decideHolderMove('claimed', 'reject', ['organiser'])).toEqual({ ok: true, to: 'rejected' });
    expect(decideHolderMove('active', 'end', ['organiser'])).toEqual({ ok: true, to: 'ended' });
    expect(availableHolderEvents('claimed', ['organiser'])).toEqual(['confirm', 'reject']);
  });

  it('holder: can withdraw a claim and end a held post, never confirm their own claim', () => {
    expect(decideHolderMove('claimed', 'confirm', ['holder'])).toEqual({ ok: false, reason: 'party' });
    expect(decideHolderMove('claimed', 'withdraw', ['holder'])).toEqual({ ok: true, to: 'withdrawn' });
    expect(availableHolderEvents('active', ['holder'])).toEqual(['end']);
  });

  it('refuses every move out of a final status as a state error', () => {
    for (const s of ['ended', 'rejected', 'withdrawn'] as const)
      for (const e of HolderEvent.options) expect(decideHolderMove(s, e, ['organiser', 'holder'])).toEqual({ ok: false, reason: 'state' });
    expect(availableHolderEvents('ended', ['organiser', 'holder'])).toEqual([]);
    expect(HolderStatus.options).toHaveLength(5);
  });
});
