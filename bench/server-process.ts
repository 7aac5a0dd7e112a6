import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, scratchDir } from '../apps/server/src/testing/processes.js';

export { freePort };

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BENCH_PASSWORD = 'bench-demo-password-2026';

export const tempDataDir = () => scratchDir('linli-bench-');

const UNLIMITED = Object.fromEntries(['REVEAL', 'EXPORT', 'IMPORT', 'SEARCH'].map((b) => [`LINLI_RATE_${b}`, '1000000/1']));

export type Running = { child: ChildProcess; url: string; readyMs: number; output: () => string; stop: () => Promise<void> };

/**
 * Starts `tsx <script>` (or `command`, e.g. node with flags, running it) and resolves when its output contains
 * `readyText`, with the time it took.
 */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  readyText: string,
  timeoutMs = 180_000,
  command: { bin: string; args: string[] } = { bin: path.join(ROOT, 'node_modules/.bin/tsx'), args: [] },
): Promise<Running> {
  const port = Number(env.PORT);
  const started = performance.now();
  const child = spawn(command.bin, [...command.args, script], {
    cwd: ROOT,
    // a bench measures the server's speed, not its per-user rate limits (SECURITY.md): lift them
    env: { ...process.env, LOG_LEVEL: 'warn', ...UNLIMITED, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const readyMs = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} not ready after ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = (c: Buffer) => {
      out += c.toString();
      if (out.includes(readyText)) {
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${out}`)));
  });
  child.removeAllListeners('exit');
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    readyMs,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The Linli server on a data dir, demo seeded with the bench password, started as `npm start` starts it. */
export async function startLinli(dataDir: string): Promise<Running> {
  const port = await freePort();
  // as `npm start` runs it: the compiled bundle (scripts/start.mjs compiles it first when its sources changed)
  return startProcess(
    'apps/server/scripts/start.mjs',
    { PORT: String(port), LINLI_DATA_DIR: dataDir, LINLI_DEMO_PASSWORD: BENCH_PASSWORD },
    'Linli is ready',
    180_000,
    { bin: process.execPath, args: [] },
  );
}
