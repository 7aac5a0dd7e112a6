import { localDate } from '@linli/contracts';

/** The period of a figures query: inclusive dates, their instants (China time, UTC+8 all year) and its months. */
export type Period = { from: string; to: string; start: Date; end: Date; months: string[] };

const monthOf = (date: string) => date.slice(0, 7);

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Without dates: the 12 calendar months up to and including today's. `from` after `to` is the caller's to refuse. */
export function resolvePeriod(input: { from?: string; to?: string }, today = localDate()): Period {
  const to = input.to ?? today;
  const from = input.from ?? `${addMonths(monthOf(to), -11)}-01`;
  const months: string[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = addMonths(m, 1)) months.push(m);
  return { from, to, start: new Date(`${from}T00:00:00+08:00`), end: new Date(`${nextDay(to)}T00:00:00+08:00`), months };
}

/** Longest period one request may ask for, so a typo cannot scan decades. */
export const MAX_PERIOD_MONTHS = 60;
