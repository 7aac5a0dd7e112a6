import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type EmbeddedCluster, runningClusterUrl, startEmbeddedPostgres } from '../../db/embedded.js';
import { openDatabase } from '../../db/pool.js';
import { freePort, scratchDir } from '../processes.js';
import { type CheckServer, startCheckServer } from './check-server.js';
import { type DatabaseFaultResult, databaseFaultProblems, databaseFaultUnderLoad, terminateBackends } from './fault-database.js';
import { type KillServerResult, killServerMidLoad } from './fault-kill-server.js';
import { wait } from './fault-load.js';
import { signInHttp } from './http-client.js';
import { type CheckWorld, type WorldSize, buildCheckWorld } from './world.js';

export type FaultsOptions = {
  /** bundled: the server runs its own PostgreSQL (killed with -9, the server restarts it); external: DATABASE_URL
   * to a PostgreSQL this check runs, stopped and started again */
  mode: 'bundled' | 'external';
  clients: number;
  /** load before each fault and after each recovery (ms) */
  phaseMs: number;
  /** how long the external PostgreSQL stays stopped (ms) */
  downMs: number;
  world: WorldSize;
  log: (msg: string) => void;
};

export type FaultsReport = {
  mode: FaultsOptions['mode'];
  killServer: KillServerResult;
  database: DatabaseFaultResult[];
  problems: string[];
};

/** Runs `sql` on a connection of its own, named so that terminating the server's backends spares it. */
async function adminQuery(url: string, sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: url, application_name: 'linli-check' });
  await c.connect();
  try {
    return ((await c.query<{ n: number }>(sql)).rows[0]?.n ?? 0) as number;
  } finally {
    await c.end();
  }
}

function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** kill -9 of the server mid-load, then database faults under load on the restarted server (docs/CHECKS.md). */
export async function runFaults(opts: FaultsOptions): Promise<FaultsReport> {
  const dir = scratchDir('linli-faults-');
  const runId = path.basename(dir).slice(-6);
  const serverDir = path.join(dir, 'server');
  fs.mkdirSync(serverDir, { mode: 0o755 });
  let cluster: EmbeddedCluster | null = null;
  let server: CheckServer | null = null;
  try {
    if (opts.mode === 'external') {
      cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, 'external'), fsync: false });
      await adminQuery(cluster.url('postgres'), 'CREATE DATABASE linli');
    }
    const externalUrl = cluster?.url('linli');
    const port = await freePort();
    const start = () => startCheckServer({ dataDir: serverDir, port, databaseUrl: externalUrl });
    const urlNow = () => externalUrl ?? runningClusterUrl(serverDir, 'linli')!;
    opts.log(`starting the server (${opts.mode} PostgreSQL)…`);
    server = await start();
    const setup = openDatabase(urlNow(), { max: 2 });
    let world: CheckWorld;
    try {
      world = await buildCheckWorld(setup.db, opts.world);
    } finally {
      await setup.pool.end();
    }
    const base = server.url;
    const desks = await Promise.all(world.desks.map((u) => signInHttp(base, u, world.password)));
    const residents = await Promise.all(world.residents.map((u) => signInHttp(base, u, world.password)));

    opts.log(`kill -9 of the server under ${opts.clients} clients placing orders…`);
    const killed = await killServerMidLoad({
      world,
      sessions: [...desks, ...residents],
      clients: opts.clients,
      beforeMs: opts.phaseMs,
      afterMs: opts.phaseMs,
      server,
      restart: start,
      openPool: async () => openDatabase(urlNow(), { max: 2 }).pool,
      runId,
    });
    server = killed.server;

    const faults: { fault: string; inject: () => Promise<void>; expectDown: boolean }[] = [
      {
        fault: 'pg_terminate_backend of every server connection (3 rounds)',
        inject: terminateBackends((sql) => adminQuery(urlNow(), sql), 3),
        expectDown: false,
      },
      opts.mode === 'bundled'
        ? {
            fault: 'kill -9 of the bundled PostgreSQL (the server restarts it)',
            inject: async () => {
              process.kill(postmasterPid(serverDir), 'SIGKILL');
            },
            expectDown: false,
          }
        : {
            fault: `external PostgreSQL stopped for ${opts.downMs} ms, then started`,
            inject: async () => {
              await cluster!.stop();
              await wait(opts.downMs);
              cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, 'external'), fsync: false });
            },
            expectDown: true,
          },
    ];
    const database: DatabaseFaultResult[] = [];
    const problems = killProblems(killed.result);
    for (const f of faults) {
      opts.log(`${f.fault}, under ${opts.clients} clients…`);
      const r = await databaseFaultUnderLoad({
        ...f,
        world,
        sessions: desks,
        clients: opts.clients,
        server,
        warmMs: opts.phaseMs,
        afterMs: opts.phaseMs,
        runId,
      });
      database.push(r);
      problems.push(...databaseFaultProblems(r, { expectDown: f.expectDown }).map((p) => `${f.fault}: ${p}`));
    }
    return { mode: opts.mode, killServer: killed.result, database, problems };
  } finally {
    await server?.stop();
    await cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function killProblems(r: KillServerResult): string[] {
  return [
    ...(r.lost.length ? [`kill -9: ${r.lost.length} acknowledged orders lost, e.g. ${r.lost[0]}`] : []),
    ...(r.duplicates.length ? [`kill -9: ${r.duplicates.length} orders stored twice, e.g. ${r.duplicates[0]}`] : []),
    ...(r.incomplete.length ? [`kill -9: ${r.incomplete.length} orders without timeline or audit, e.g. ${r.incomplete[0]}`] : []),
    ...(r.acknowledged === 0 ? ['kill -9: no order was acknowledged before the kill'] : []),
    ...(r.acknowledgedAfterRestart === 0 ? ['kill -9: no order was acknowledged after the restart'] : []),
  ];
}
