import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SERVER_DIR } from './paths.js';
import { databaseUrlFor } from './testing/database.js';

// The compiled server `npm start` runs: bundled by scripts/start.mjs, started on an empty database with plain node.
const templateUrl = inject('templateDbUrl');
const dbName = `t_build_${process.pid}_${randomBytes(3).toString('hex')}`;
const out = path.join(SERVER_DIR, `.linli-build-test-${process.pid}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-build-'));
let child: ChildProcess | undefined;

async function onServer(sql: string) {
  const c = new pg.Client({ connectionString: databaseUrlFor(templateUrl, 'postgres') });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

afterAll(async () => {
  child?.kill('SIGKILL');
  await onServer(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled server', () => {
  it('bundles main and cli, then runs from dist/ with plain node: migrates an empty database and answers', async () => {
    const launcher = path.join(SERVER_DIR, 'scripts/start.mjs');
    const script = 'const m = await import(process.env.LAUNCHER); await m.buildServer(process.env.OUT);';
    const built = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, LAUNCHER: launcher, OUT: path.join(out, 'dist') },
      timeout: 60_000,
    });
    expect(built.status, built.stderr).toBe(0);
    expect(fs.readdirSync(path.join(out, 'dist'))).toEqual(expect.arrayContaining(['main.js', 'cli.js']));

    const help = spawnSync(process.execPath, [path.join(out, 'dist/cli.js'), '--help'], { encoding: 'utf8' });
    expect(help.stdout).toContain('import households');

    await onServer(`CREATE DATABASE ${dbName}`);
    const port = await freePort();
    const env = {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrlFor(templateUrl, dbName),
      LINLI_DATA_DIR: dataDir,
      LINLI_SECRET_KEY: 'build test secret',
      LINLI_DEMO: 'off',
      LINLI_WEB: 'off',
      LOG_LEVEL: 'warn',
    };
    const server = spawn(process.execPath, [path.join(out, 'dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = server;
    let said = '';
    server.stdout.on('data', (d: Buffer) => (said += d.toString()));
    server.stderr.on('data', (d: Buffer) => (said += d.toString()));
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    const ready = await Promise.race([
      new Promise<boolean>((resolve) => server.stdout.on('data', () => said.includes('is ready') && resolve(true))),
      exited.then(() => false),
    ]);
    expect(ready, said).toBe(true);

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ database: 'up' });
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations').finally(() => c.end());
    const journal = JSON.parse(fs.readFileSync(path.join(SERVER_DIR, 'drizzle/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(rows[0]!.n).toBe(journal.entries.length);

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
