import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedCluster } from '../db/embedded.js';
import { migrateDatabase } from '../db/migrate.js';
import { openDatabase } from '../db/pool.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDbUrl: string;
  }
}

const PREFIX = 'linli-test-';

function baseDir(): string {
  return fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
}

/** Removes clusters left by killed runs: their owner pid is dead; stop their postmaster, drop the dir. */
function sweepStale(): void {
  for (const name of fs.readdirSync(baseDir()).filter((n) => n.startsWith(PREFIX))) {
    const dir = path.join(baseDir(), name);
    const owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8').trim() || 0);
    try {
      process.kill(owner, 0);
      continue;
    } catch {
      /* owner is gone */
    }
    const pm = path.join(dir, 'pg', 'postmaster.pid');
    if (fs.existsSync(pm)) {
      const pmPid = Number(fs.readFileSync(pm, 'utf8').split('\n')[0]);
      try {
        process.kill(pmPid, 'SIGQUIT');
      } catch {
        /* already dead */
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** One cluster per run (or TEST_DATABASE_URL's server) with a migrated template each test file clones. */
export default async function setup(project: TestProject) {
  let cluster: EmbeddedCluster | undefined;
  let serverUrl: string;
  const external = process.env.TEST_DATABASE_URL;
  if (external) serverUrl = external;
  else {
    try {
      sweepStale();
    } catch {
      /* best effort */
    }
    const dir = fs.mkdtempSync(path.join(baseDir(), PREFIX));
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
    cluster = await startEmbeddedPostgres({ dataDir: dir, fsync: false });
    serverUrl = cluster.url('postgres');
  }
  const template = `linli_tpl_${process.pid}`;
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${template}`);
  await admin(serverUrl, `CREATE DATABASE ${template}`);
  const tplUrl = withDb(serverUrl, template);
  const database = openDatabase(tplUrl, { max: 2 });
  await migrateDatabase(database);
  await database.pool.end();
  await admin(serverUrl, `ALTER DATABASE ${template} ALLOW_CONNECTIONS false`);
  project.provide('templateDbUrl', tplUrl);
  return async () => {
    await admin(serverUrl, `ALTER DATABASE ${template} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
    if (cluster) {
      await cluster.stop();
      fs.rmSync(cluster.dir, { recursive: true, force: true });
    }
  };
}
