import fs from 'node:fs';
import path from 'node:path';
import { runningClusterUrl } from '../../db/embedded.js';
import { openDatabase } from '../../db/pool.js';
import { memoryOf, scratchDir } from '../processes.js';
import { type CheckServer, startCheckServer } from './check-server.js';
import { type Answer, type Session, percentiles, signInHttp } from './http-client.js';
import { type ClientSessions, LOAD_KINDS, loadStep } from './load-mix.js';
import { type WorldSize, buildCheckWorld } from './world.js';

export type LoadOptions = {
  clients: number;
  seconds: number;
  /** an external PostgreSQL database (migrated or empty); without it the server runs its bundled PostgreSQL */
  databaseUrl?: string;
  world: WorldSize;
  log: (msg: string) => void;
};

export type KindFigures = { kind: string; n: number; errors: number; p50: number; p95: number; p99: number; max: number };

export type LoadReport = {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  /** the first errors, as `kind → status body` */
  errorSamples: string[];
  requestsPerSecond: number;
  kinds: KindFigures[];
  /** the server process's peak resident set (VmHWM) and its resident set at the end, MiB */
  serverPeakMiB: number;
  serverEndMiB: number;
};

/**
 * `clients` concurrent clients for `seconds` of mixed browsing, ordering and moving orders (load-mix.ts) against a
 * real server process over HTTP; every answer must be 2xx.
 */
export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  const dir = scratchDir('linli-load-');
  let server: CheckServer | null = null;
  try {
    opts.log(`starting the server (${opts.databaseUrl ? 'DATABASE_URL' : 'bundled PostgreSQL'})…`);
    server = await startCheckServer({ dataDir: dir, databaseUrl: opts.databaseUrl });
    const setup = openDatabase(opts.databaseUrl ?? runningClusterUrl(dir, 'linli')!, { max: 2 });
    const world = await buildCheckWorld(setup.db, opts.world).finally(() => setup.pool.end());
    const base = server.url;
    const signed = new Map<string, Session>();
    for (const u of [...world.desks, ...world.handlers, ...world.closers, ...world.residents])
      signed.set(u, await signInHttp(base, u, world.password));
    const pick = (list: string[], c: number) => signed.get(list[c % list.length]!)!;

    const times = new Map<string, number[]>(LOAD_KINDS.map((k) => [k, []]));
    const errorsByKind = new Map<string, number>();
    const errorSamples: string[] = [];
    const record = (kind: string, a: Answer) => {
      times.get(kind)!.push(a.ms);
      if (a.status >= 200 && a.status < 300) return;
      errorsByKind.set(kind, (errorsByKind.get(kind) ?? 0) + 1);
      if (errorSamples.length < 20) errorSamples.push(`${kind} → ${a.status || a.error} ${a.text.slice(0, 200)}`);
    };
    opts.log(`${opts.clients} clients × ${opts.seconds} s of mixed work…`);
    const started = performance.now();
    const until = started + opts.seconds * 1000;
    const tag = `load-${path.basename(dir).slice(-6)}`;
    await Promise.all(
      Array.from({ length: opts.clients }, async (_, c) => {
        const s: ClientSessions = {
          desks: pick(world.desks, c),
          handlers: pick(world.handlers, c),
          closers: pick(world.closers, c),
          residents: pick(world.residents, c),
        };
        // clients start at different steps, so the mix is spread from the first second
        for (let i = c; performance.now() < until; i++) await loadStep(world, s, c, i, record, tag);
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const memory = memoryOf(server.pid);
    const kinds = LOAD_KINDS.map((kind) => ({ kind, errors: errorsByKind.get(kind) ?? 0, ...percentiles(times.get(kind)!) }));
    const requests = kinds.reduce((sum, k) => sum + k.n, 0);
    const errors = kinds.reduce((sum, k) => sum + k.errors, 0);
    return {
      clients: opts.clients,
      seconds: Number(elapsed.toFixed(1)),
      requests,
      errors,
      errorSamples,
      requestsPerSecond: Math.round(requests / elapsed),
      kinds,
      serverPeakMiB: Math.round(memory.peakMiB),
      serverEndMiB: Math.round(memory.rssMiB),
    };
  } finally {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
