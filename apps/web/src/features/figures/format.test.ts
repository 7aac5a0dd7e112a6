import { describe, expect, it } from 'vitest';
import { durationOf, formatRate, ratePercent } from './format';

describe('figures formatting', () => {
  it('shows rates as percentages, a dash for none', () => {
    expect(formatRate(0.75)).toBe('75.0%');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(null)).toBe('—');
    expect(ratePercent(2 / 3)).toBe(66.7);
    expect(ratePercent(null)).toBeNull();
  });

  it('picks minutes, hours or days for average times', () => {
    expect(durationOf(52.5)).toEqual({ unit: 'minutes', n: 53 });
    expect(durationOf(150)).toEqual({ unit: 'hours', n: 2.5 });
    expect(durationOf(2160)).toEqual({ unit: 'hours', n: 36 });
    expect(durationOf(4320)).toEqual({ unit: 'days', n: 3 });
    expect(durationOf(null)).toBeNull();
  });
});
