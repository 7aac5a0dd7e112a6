const DAY = 86_400_000;

/** `date` moved by `days` (dates are `YYYY-MM-DD`, China time, no clock involved). */
export const shiftDate = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The first instant of a China-time day (UTC+8 all year). */
export const dayStart = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * Where each day of [from, to] is read from, given that the rollups hold every day up to `builtThrough`: whole
 * months from the month cells [fullFrom, fullUntil), the other rolled-up days [from, through] from the day cells,
 * and the orders placed from `scanFrom` on (the days not rolled up yet, today always among them) from the orders.
 * With nothing rolled up (`through` before `from`), everything comes from the orders.
 */
export type RollupSpan = { from: string; through: string; fullFrom: string; fullUntil: string; scanFrom: Date };

export function rollupSpan(from: string, to: string, builtThrough: string | null): RollupSpan {
  const through = builtThrough === null || builtThrough < from ? shiftDate(from, -1) : builtThrough < to ? builtThrough : to;
  const fullFrom = monthStart(from) === from ? from : nextMonth(monthStart(from));
  const fullUntil = through < from ? fullFrom : monthStart(shiftDate(through, 1));
  return { from, through, fullFrom, fullUntil: fullUntil < fullFrom ? fullFrom : fullUntil, scanFrom: dayStart(shiftDate(through, 1)) };
}
