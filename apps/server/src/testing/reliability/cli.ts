/**
 * `npm run check:faults` and `npm run check:load` (docs/CHECKS.md), against real server processes over HTTP.
 *   check:faults [--mode bundled|external|both] [--json]   FAULT_CLIENTS (default 50), FAULT_PHASE_S (5), FAULT_DOWN_S (3)
 *   check:load [--json]                                    LOAD_CLIENTS (200), LOAD_SECONDS (300); DATABASE_URL to use
 *                                                          an external PostgreSQL database instead of the bundled one
 * Both print their figures as Markdown, with --json one JSON object as the last line; exit 1 on any problem.
 */
import os from 'node:os';
import { formatFaults, formatLoad } from './report.js';
import { type FaultsReport, runFaults } from './run-faults.js';
import { runLoad } from './run-load.js';

const [command, ...rest] = process.argv.slice(2);
const flag = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
};
const num = (name: string, dflt: number) => Number(process.env[name] || dflt);
const say = (m: string) => process.stdout.write(`${m}\n`);
const stamp = () =>
  `${new Date().toISOString()}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}, ${os.cpus().length} cores`;

async function main(): Promise<number> {
  if (command === 'faults') {
    const mode = flag('mode') ?? 'both';
    const modes = mode === 'both' ? (['bundled', 'external'] as const) : ([mode] as ['bundled' | 'external']);
    const reports: FaultsReport[] = [];
    for (const m of modes)
      reports.push(
        await runFaults({
          mode: m,
          clients: num('FAULT_CLIENTS', 50),
          phaseMs: num('FAULT_PHASE_S', 5) * 1000,
          downMs: num('FAULT_DOWN_S', 3) * 1000,
          world: { buildings: 6, householdsPerBuilding: 10, usersPerRole: 10, orders: 500 },
          log: say,
        }),
      );
    say(`\n### check:faults — ${stamp()}\n`);
    for (const r of reports) say(formatFaults(r));
    if (rest.includes('--json'))
      say(JSON.stringify({ check: 'faults', date: new Date().toISOString(), loadAverage: os.loadavg(), reports }));
    return reports.some((r) => r.problems.length) ? 1 : 0;
  }
  if (command === 'load') {
    const clients = num('LOAD_CLIENTS', 200);
    const r = await runLoad({
      clients,
      seconds: num('LOAD_SECONDS', 300),
      databaseUrl: process.env.DATABASE_URL || undefined,
      world: { buildings: 20, householdsPerBuilding: 25, usersPerRole: Math.min(clients, 50), orders: 5_000 },
      log: say,
    });
    say(`\n### check:load — ${stamp()}\n`);
    say(formatLoad(r));
    if (rest.includes('--json')) say(JSON.stringify({ check: 'load', date: new Date().toISOString(), loadAverage: os.loadavg(), ...r }));
    return r.errors ? 1 : 0;
  }
  say('usage: cli.ts faults [--mode bundled|external|both] [--json] | load [--json]');
  return 2;
}

process.exit(await main());
