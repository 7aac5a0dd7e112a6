import { localDate } from '@linli/contracts';
import { type Period, resolvePeriod } from '../figures/period.js';

const DAY = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The report's days: as asked, or the 365 days up to `today`; `asOf` is the day overdue visits are judged on. */
export function reportPeriod(input: { from?: string; to?: string }, today = localDate()): Period & { asOf: string } {
  const to = input.to ?? today;
  const from = input.from ?? shift(to, -364);
  return { ...resolvePeriod({ from, to }), asOf: to < today ? to : today };
}
