import type { OrderClock } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { clockView, durationParts } from './clock-model';

const now = Date.parse('2026-05-04T10:00:00+08:00');
const clock = (over: Partial<OrderClock>): OrderClock => ({
  stage: 'handle',
  dueAt: new Date(now + 5 * 3600_000).toISOString(),
  overdue: false,
  escalationLevel: 0,
  paused: false,
  ...over,
});

describe('durationParts', () => {
  it('keeps days and hours for long spans', () => {
    expect(durationParts((2 * 24 + 3) * 3600_000 + 59 * 60_000)).toEqual({ days: 2, hours: 3, minutes: 0 });
  });
  it('keeps hours and minutes under a day, for past spans too', () => {
    expect(durationParts(-(3 * 3600_000 + 5 * 60_000 + 30_000))).toEqual({ days: 0, hours: 3, minutes: 5 });
  });
});

describe('clockView', () => {
  it('is ok with plenty of time left', () => {
    expect(clockView(clock({}), now)).toMatchObject({ tone: 'ok', stage: 'handle', parts: { hours: 5 } });
  });
  it('turns to soon under two hours', () => {
    expect(clockView(clock({ dueAt: new Date(now + 90 * 60_000).toISOString() }), now).tone).toBe('soon');
  });
  it('is overdue past the deadline even before the server marked it', () => {
    const view = clockView(clock({ dueAt: new Date(now - 3 * 3600_000).toISOString() }), now);
    expect(view).toMatchObject({ tone: 'overdue', parts: { days: 0, hours: 3, minutes: 0 } });
  });
  it('trusts the server when it says overdue', () => {
    expect(clockView(clock({ overdue: true }), now).tone).toBe('overdue');
  });
  it('is paused while suspended', () => {
    expect(clockView(clock({ paused: true }), now)).toMatchObject({ tone: 'paused', parts: null });
  });
  it('is done when no stage runs', () => {
    expect(clockView(clock({ stage: null, dueAt: null }), now)).toMatchObject({ tone: 'done', stage: null });
  });
});
