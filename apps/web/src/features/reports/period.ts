import { localDate } from '@linli/contracts';
import dayjs, { type Dayjs } from 'dayjs';

export const PERIOD_PRESETS = ['year', 'quarter', 'lastQuarter', 'month'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const DATE = 'YYYY-MM-DD';
const quarterStart = (d: Dayjs) => d.startOf('month').month(Math.floor(d.month() / 3) * 3);

/**
 * The dates of a preset on `today`: the 365 days up to today, this quarter so far, the last full quarter, this month
 * so far. Today is China's date (as the server counts it), whatever the browser's time zone.
 */
export function presetPeriod(preset: PeriodPreset, today: Dayjs = dayjs(localDate())): { from: string; to: string } {
  const to = today.format(DATE);
  if (preset === 'year') return { from: today.subtract(364, 'day').format(DATE), to };
  if (preset === 'month') return { from: today.startOf('month').format(DATE), to };
  const start = quarterStart(today);
  if (preset === 'quarter') return { from: start.format(DATE), to };
  const last = start.subtract(3, 'month');
  return { from: last.format(DATE), to: start.subtract(1, 'day').format(DATE) };
}

/** The report's address in the console: its area and period preset. */
export const reportPath = (base: '/dashboard' | '/reports/work', area: string, preset: PeriodPreset) =>
  `${base}?${new URLSearchParams({ area, period: preset }).toString()}`;
