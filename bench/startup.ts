import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.js';
import { type Figure, reportFigures } from './report.js';
import { ROOT, startLinli, tempDataDir } from './server-process.js';

const seconds = (ms: number) => Number((ms / 1000).toFixed(2));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The server's stamped lines (`[linli] +123 ms …`), shortened to one line each. */
const stampedLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => /^\[linli\] \+\d+ ms/.test(l))
    .map((l) => `  ${l.slice(8, 110)}`)
    .join('\n');

/** The floor of a warm start: the bundled PostgreSQL started and stopped alone on the same data dir, plus a bare `node -e 0`. */
async function floorMs(dataDir: string): Promise<number> {
  const node = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  const nodeMs = performance.now() - node;
  const started = performance.now();
  const cluster = await startEmbeddedPostgres({ dataDir });
  const pgMs = performance.now() - started;
  await cluster.stop();
  return nodeMs + pgMs;
}

/**
 * Fresh start (initdb, migrate, seed) and warm starts, each from process start to "ready", as `npm start` runs the
 * server (scripts/start.mjs: the compiled bundle, compiled first if stale); the web app is already built. The
 * warm start's floor is the same data dir's PostgreSQL started alone plus a bare node process, in the same run.
 */
export async function benchStartup(rounds = 3): Promise<void> {
  spawnSync(process.execPath, [path.join(ROOT, 'apps/server/scripts/start.mjs'), 'cli', '--help']); // compile if stale
  const dir = tempDataDir();
  const warm: number[] = [];
  const floors: number[] = [];
  const phases: string[] = [];
  let freshMs = 0;
  // the server stamps each line it says with the ms since its process started: the phases of each warm start
  process.env.LINLI_START_STAMPS = '1';
  try {
    const fresh = await startLinli(dir);
    freshMs = fresh.readyMs;
    await fresh.stop();
    for (let round = 1; round <= rounds; round++) {
      const w = await startLinli(dir);
      warm.push(w.readyMs);
      phases.push(stampedLines(w.output()));
      await w.stop();
      floors.push(await floorMs(dir));
      console.log(`round ${round}: warm start ${seconds(w.readyMs)} s, floor ${seconds(floors.at(-1)!)} s`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const mid = warm.indexOf(median(warm));
  console.log(`phases of the median warm start (round ${mid + 1}), ms since the server's process started:\n${phases[mid]}`);
  const figures: Figure[] = [
    { name: 'fresh start (initdb + migrate + demo seed)', unit: 's', measured: seconds(freshMs), floor: null, better: 'lower' },
    {
      name: `warm start, median of ${rounds}`,
      unit: 's',
      measured: seconds(median(warm)),
      floor: seconds(median(floors)),
      better: 'lower',
      aim: { max: 2 },
    },
  ];
  reportFigures('startup', figures, 'time from process start to "ready"; floor: PostgreSQL alone + bare node');
}
