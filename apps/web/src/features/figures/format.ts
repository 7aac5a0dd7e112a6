/** A rate from 0 to 1 as a percentage with one decimal; a dash when there was nothing to divide. */
export const formatRate = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** A rate as a chart value in per cent (null stays a gap in the line). */
export const ratePercent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

export type Duration = { unit: 'minutes' | 'hours' | 'days'; n: number };

/** Average minutes in the unit a reader takes in at a glance: minutes below 2 h, hours below 2 days, then days. */
export function durationOf(minutes: number | null): Duration | null {
  if (minutes === null) return null;
  if (minutes < 120) return { unit: 'minutes', n: Math.round(minutes) };
  if (minutes < 2 * 1440) return { unit: 'hours', n: Math.round(minutes / 6) / 10 };
  return { unit: 'days', n: Math.round(minutes / 144) / 10 };
}
