import type { OrderClock } from '@linli/contracts';

export type DurationParts = { days: number; hours: number; minutes: number };
export type ClockTone = 'ok' | 'soon' | 'overdue' | 'paused' | 'done';
export type ClockView = { tone: ClockTone; stage: NonNullable<OrderClock['stage']> | null; parts: DurationParts | null };

const MINUTE = 60_000;
/** Under this much time left the clock turns orange. */
export const SOON_MS = 2 * 3600_000;

/** Splits a span into its two largest units (2 d 3 h, 3 h 5 min, 12 min), dropping the rest. */
export function durationParts(ms: number): DurationParts {
  const total = Math.floor(Math.abs(ms) / MINUTE);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = days > 0 ? 0 : total % 60;
  return { days, hours, minutes };
}

/** What the clock shows at `now`: the tone (colour) and how much time is left or overdue. */
export function clockView(clock: OrderClock, now: number): ClockView {
  if (clock.paused) return { tone: 'paused', stage: clock.stage, parts: null };
  if (!clock.stage || !clock.dueAt) return { tone: 'done', stage: null, parts: null };
  const left = Date.parse(clock.dueAt) - now;
  const overdue = clock.overdue || left < 0;
  return {
    tone: overdue ? 'overdue' : left < SOON_MS ? 'soon' : 'ok',
    stage: clock.stage,
    parts: durationParts(left),
  };
}
