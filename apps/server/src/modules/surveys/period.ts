import type { SurveyStatus } from '@linli/contracts';

/** A quarter's instants in China time (UTC+8 all year): [start, end). */
export function quarterRange(period: string): { start: Date; end: Date } {
  const [y, q] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  const month = (n: number) => new Date(`${y + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-01T00:00:00+08:00`);
  return { start: month((q - 1) * 3), end: month(q * 3) };
}

/** The quarter (China time) an instant falls in. */
export function periodOf(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

/** The quarter `n` quarters before (negative) or after `period`. */
export function shiftPeriod(period: string, n: number): string {
  const total = Number(period.slice(0, 4)) * 4 + Number(period.slice(6)) - 1 + n;
  return `${Math.floor(total / 4)}-Q${(total % 4) + 1}`;
}

/** Upcoming before it opens, open until it closes, then closed. */
export function surveyStatus(s: { opensAt: Date; closesAt: Date }, now: Date): SurveyStatus {
  if (now < s.opensAt) return 'upcoming';
  return now < s.closesAt ? 'open' : 'closed';
}
