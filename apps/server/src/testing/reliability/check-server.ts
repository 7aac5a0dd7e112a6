import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../paths.js';
import { freePort } from '../processes.js';

/** The secret the check worlds encrypt with (testPii's), so the server reads what the factories wrote. */
export const CHECK_SECRET = 'linli test secret';

export type CheckServer = {
  /** the server's own pid (node, not a wrapper), for kill -9 and /proc */
  pid: number;
  url: string;
  output: () => string;
  /** SIGKILL, resolved once the process is gone */
  kill9: () => Promise<void>;
  /** SIGTERM (a clean shutdown), SIGKILL after 15 s */
  stop: () => Promise<void>;
  exitCode: () => number | null;
};

export type CheckServerOptions = {
  dataDir: string;
  /** an external PostgreSQL; without it the server runs its bundled PostgreSQL in `dataDir` */
  databaseUrl?: string;
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
};

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/**
 * Starts `npm start`'s main.ts (API only, demo off) as `node --import tsx`, so the pid is the server itself, and
 * resolves once it says it is ready. The same data dir and port can be started again after a kill.
 */
export async function startCheckServer(opts: CheckServerOptions): Promise<CheckServer> {
  const port = opts.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'apps/server/src/main.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LINLI_DATA_DIR: opts.dataDir,
      DATABASE_URL: opts.databaseUrl ?? '',
      LINLI_DEMO: 'off',
      LINLI_WEB: 'off',
      LINLI_SECRET_KEY: CHECK_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (c: Buffer) => void (out += c.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const timeoutMs = opts.timeoutMs ?? 180_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server was not ready after ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      if (!out.includes('Linli is ready')) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve();
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it was ready:\n${out}`));
    };
    child.stdout!.on('data', check);
    child.once('exit', onExit);
  });
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    exitCode: () => child.exitCode,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.kill('SIGTERM');
      await exited(child);
      clearTimeout(timer);
    },
  };
}
