import type { HealthSeen } from './fault-load.js';
import type { FaultsReport } from './run-faults.js';
import type { LoadReport } from './run-load.js';

const s = (ms: number | null) => (ms === null ? 'never (60 s)' : `${(ms / 1000).toFixed(2)} s`);
const ms = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));
const healthText = (h: HealthSeen) =>
  h.http === 0
    ? 'no answer'
    : `${h.http} ${h.status}: database ${h.database}, listener ${h.listener}, jobs ${h.jobs}${h.problems?.length ? ` (${h.problems.join('; ')})` : ''}`;

/** The figures of one fault run as Markdown. */
export function formatFaults(r: FaultsReport): string {
  const k = r.killServer;
  const lines = [
    `#### ${r.mode} PostgreSQL`,
    '',
    `kill -9 of the server under ${k.clients} clients placing orders, restarted on the same database:`,
    '',
    '| figure | value |',
    '|---|---|',
    `| orders sent / acknowledged (2xx with id) | ${k.sent} / ${k.acknowledged} |`,
    `| acknowledged after the restart | ${k.acknowledgedAfterRestart} |`,
    `| acknowledged but missing / stored twice | ${k.lost.length} / ${k.duplicates.length} |`,
    `| unacknowledged: stored whole / absent | ${k.unacknowledgedStored} / ${k.unacknowledgedAbsent} |`,
    `| stored without timeline entry or audit row | ${k.incomplete.length} |`,
    `| kill → restarted server ready | ${s(k.restartMs)} |`,
    '',
    '| database fault (under load) | requests | 2xx | 503 + Retry-After | other | first 200 after | all parts up after | server process |',
    '|---|---|---|---|---|---|---|---|',
    ...r.database.map(
      (d) =>
        `| ${d.fault} | ${d.tally.requests} | ${d.tally.ok} | ${d.tally.unavailable} | ${d.tally.wrong.length} | ${s(d.recovery.requestMs)} | ${s(d.recovery.healthMs)} | ${d.serverAlive ? 'same, never restarted' : 'DIED'} |`,
    ),
    '',
    ...r.database.flatMap((d) => [`/api/health during "${d.fault}":`, ...d.health.map((h) => `- ${healthText(h)}`), '']),
    r.problems.length ? `PROBLEMS:\n${r.problems.map((p) => `- ${p}`).join('\n')}` : 'No problem found.',
    ...r.database.flatMap((d) => d.tally.wrong.slice(0, 5).map((w) => `  ${d.fault}: ${w}`)),
    '',
  ];
  return lines.join('\n');
}

/** The figures of a load run as Markdown. */
export function formatLoad(r: LoadReport): string {
  return [
    `${r.clients} clients × ${r.seconds} s: ${r.requests.toLocaleString('en-US')} requests (${r.requestsPerSecond} req/s), ` +
      `${r.errors} errors${r.errors ? ' — FAILED' : ' (zero-error check passed)'}; server RSS peak ${r.serverPeakMiB} MiB, at the end ${r.serverEndMiB} MiB`,
    '',
    '| kind | requests | errors | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|---|',
    ...r.kinds.map((k) => `| ${k.kind} | ${k.n} | ${k.errors} | ${ms(k.p50)} | ${ms(k.p95)} | ${ms(k.p99)} | ${ms(k.max)} |`),
    ...(r.errorSamples.length ? ['', 'ERRORS:', ...r.errorSamples.map((e) => `- ${e}`)] : []),
    '',
  ].join('\n');
}
