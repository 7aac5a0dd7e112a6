import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StartupError, runningClusterUrl, startEmbeddedPostgres } from './embedded.js';
import { openDatabase, waitForDatabase } from './pool.js';

const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(base, 'linli-embedded-test-'));
  fs.chmodSync(d, 0o755);
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('bundled PostgreSQL', () => {
  it('initialises, answers queries in UTF-8 on a port other than 5432, and starts again on the same data', async () => {
    const dir = tempDir();
    const first = await startEmbeddedPostgres({ dataDir: dir, fsync: false });
    const db = openDatabase(first.url('postgres'), { max: 1 });
    const r = await db.pool.query<{ enc: string; port: string }>(
      "SELECT current_setting('server_encoding') AS enc, current_setting('port') AS port",
    );
    expect(r.rows[0]).toMatchObject({ enc: 'UTF8' });
    expect(Number(r.rows[0]!.port)).not.toBe(5432);
    await db.pool.query('CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');
    await db.pool.end();
    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir: dir, fsync: false });
    const db2 = openDatabase(second.url('postgres'), { max: 1 });
    expect((await db2.pool.query('SELECT v FROM kept')).rows).toEqual([{ v: 42 }]);
    await db2.pool.end();
    await second.stop();
  });

  it('refuses a data directory held by another running server, naming it', async () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, 'linli.lock'), String(other.pid));
      const err = await startEmbeddedPostgres({ dataDir: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StartupError);
      expect((err as Error).message).toContain(`pid ${other.pid}`);
      expect((err as Error).message).toContain(dir);
    } finally {
      other.kill();
    }
  });

  it('lets the CLI connect to the cluster a running server holds, and to nothing when none runs', async () => {
    const dir = tempDir();
    const cluster = await startEmbeddedPostgres({ dataDir: dir, fsync: false });
    const server = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      expect(runningClusterUrl(dir, 'postgres')).toBeNull();
      fs.writeFileSync(path.join(dir, 'linli.lock'), String(server.pid));
      const url = runningClusterUrl(dir, 'postgres');
      expect(url).not.toBeNull();
      const db = openDatabase(url!, { max: 1 });
      expect((await db.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await db.pool.end();
    } finally {
      server.kill();
      await cluster.stop();
    }
  });

  it.runIf(process.getuid?.() === 0)('names the directory user postgres cannot traverse and the fix', async () => {
    const closed = tempDir();
    fs.chmodSync(closed, 0o700);
    const err = await startEmbeddedPostgres({ dataDir: path.join(closed, 'data') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toContain(closed);
    expect((err as Error).message).toContain('LINLI_DATA_DIR');
  });
});

describe('external database', () => {
  it('reports an unreachable DATABASE_URL and keeps retrying with backoff instead of crashing', async () => {
    const url = 'postgres://nobody:secret@127.0.0.1:1/linli';
    const db = openDatabase(url, { max: 1 });
    const lines: string[] = [];
    const stop = new AbortController();
    const waiting = waitForDatabase(
      db.pool,
      url,
      (m) => {
        lines.push(m);
        if (lines.length === 3) stop.abort();
      },
      { firstDelayMs: 100, signal: stop.signal },
    );
    await expect(waiting).rejects.toThrow();
    await db.pool.end();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('127.0.0.1:1/linli');
    expect(lines[0]).toContain('ECONNREFUSED');
    expect(lines.join('\n')).not.toContain('secret');
    expect(lines.map((l) => l.match(/retrying in ([\d.]+) s/)?.[1])).toEqual(['0.1', '0.2', '0.4']);
  });
});
