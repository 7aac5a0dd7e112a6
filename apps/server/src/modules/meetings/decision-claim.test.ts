import { describe, expect, it } from 'vitest';
import { CLAIM_STALE_MS, decisionState } from './decision-claim.js';

const now = new Date('2026-05-12T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('decisionState', () => {
  it.each([
    [{ outcome: null, claimedAt: null }, 'open'],
    [{ outcome: 'orders', claimedAt: null }, 'acted'],
    [{ outcome: 'orders', claimedAt: ago(1_000) }, 'underway'],
    [{ outcome: 'orders', claimedAt: ago(CLAIM_STALE_MS - 1) }, 'underway'],
    [{ outcome: 'tasks', claimedAt: ago(CLAIM_STALE_MS) }, 'open'],
  ] as const)('%o is %s', (d, state) => {
    expect(decisionState(d, now)).toBe(state);
  });
});
