import os from 'node:os';

/** One measured figure of a bench: what was measured, the hand-written floor of the same work in the same run, and the aim. */
export type Figure = {
  name: string;
  unit: string;
  measured: number;
  /** the same work written by hand (same SQL through `pg`, prepared, same JSON out), measured in the same run; null when there is none */
  floor: number | null;
  /** `higher`: rates (req/s, rows/s), the ratio is measured ÷ floor; `lower`: times (ms, s), the ratio is floor ÷ measured */
  better: 'higher' | 'lower';
  /** the aim as a ratio to the floor (0.5 = half the floor's rate), or an absolute limit in `unit` (`{ max: 100 }`) */
  aim?: { ratio: number } | { max: number } | { min: number };
};

/** A figure's ratio to its floor, where 1 means as fast as the hand-written floor. */
export function ratioOf(f: Figure): number | null {
  if (f.floor === null || f.floor === 0 || f.measured === 0) return null;
  return f.better === 'higher' ? f.measured / f.floor : f.floor / f.measured;
}

/** Whether a figure meets its aim; null when it has none. */
export function meetsAim(f: Figure): boolean | null {
  if (!f.aim) return null;
  if ('ratio' in f.aim) {
    const r = ratioOf(f);
    return r === null ? null : r >= f.aim.ratio;
  }
  return 'max' in f.aim ? f.measured <= f.aim.max : f.measured >= f.aim.min;
}

const num = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Number(n.toPrecision(3))));
const aimText = (f: Figure) =>
  !f.aim
    ? '–'
    : 'ratio' in f.aim
      ? `≥ ${Math.round(f.aim.ratio * 100)} %`
      : 'max' in f.aim
        ? `≤ ${num(f.aim.max)} ${f.unit}`
        : `≥ ${num(f.aim.min)} ${f.unit}`;

/** Whether the bench was asked for `--json` (then its last line is one JSON object). */
export const wantsJson = () => process.argv.includes('--json');

/**
 * Prints a bench's figures as a Markdown table (measured, floor, ratio, aim, met) with the date and load average
 * of the run, and with `--json` one JSON object as the very last line. Call it once, at the end of the bench.
 */
export function reportFigures(bench: string, figures: Figure[], note?: string): void {
  const load = os.loadavg().map((l) => Number(l.toFixed(2)));
  const date = new Date().toISOString();
  console.log(`\n### ${bench} — ${date}, load average ${load.join(' / ')}${note ? ` — ${note}` : ''}\n`);
  console.log('| figure | measured | floor | ratio | aim | met |');
  console.log('|---|---|---|---|---|---|');
  for (const f of figures) {
    const r = ratioOf(f);
    const met = meetsAim(f);
    console.log(
      `| ${f.name} | ${num(f.measured)} ${f.unit} | ${f.floor === null ? '–' : `${num(f.floor)} ${f.unit}`} | ${r === null ? '–' : `${(r * 100).toFixed(1)} %`} | ${aimText(f)} | ${met === null ? '–' : met ? 'yes' : 'no'} |`,
    );
  }
  if (wantsJson())
    console.log(
      JSON.stringify({
        bench,
        date,
        loadAverage: load,
        figures: figures.map((f) => ({ ...f, ratio: ratioOf(f), met: meetsAim(f) })),
      }),
    );
}
