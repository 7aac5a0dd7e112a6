import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from './config.js';
import { migrateDatabase } from './db/migrate.js';
import { type Database, openDatabase } from './db/pool.js';
import { DEMO_USERNAMES } from './seed/index.js';
import { prepareDemo } from './startup.js';
import { databaseUrlFor } from './testing/database.js';

const templateUrl = inject('templateDbUrl');
const name = `t_start_${process.pid}_${randomBytes(3).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-startup-'));
const pools: Database[] = [];

async function onServer(sql: string) {
  const c = new pg.Client({ connectionString: databaseUrlFor(templateUrl, 'postgres') });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.pool.end()));
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('several servers starting on one empty database', () => {
  it('both migrate and come up; the demo is seeded once, the second server waits and goes on', async () => {
    await onServer(`CREATE DATABASE ${name}`);
    const url = databaseUrlFor(templateUrl, name);
    // two "servers": each with its own pool, as two processes would have
    pools.push(openDatabase(url, { max: 4 }), openDatabase(url, { max: 4 }));
    await Promise.all(pools.map((p) => migrateDatabase(p)));
    const config = loadConfig({ LINLI_DATA_DIR: dataDir, LINLI_SECRET_KEY: 'startup test secret', LINLI_DEMO_PASSWORD: 'startup-pass-1' });
    const said: string[][] = [[], []];
    await Promise.all(pools.map((p, i) => prepareDemo(p, config, (m) => said[i]!.push(m))));

    const seeded = said.filter((lines) => lines.some((l) => l.startsWith('Demo seeded:')));
    const waited = said.filter((lines) => lines.some((l) => l.startsWith('Another server is migrating or seeding')));
    expect(seeded).toHaveLength(1);
    expect(waited).toHaveLength(1);
    expect(waited[0]!.some((l) => l.startsWith('Demo users: admin'))).toBe(true);
    const q = (sql: string) => pools[0]!.pool.query<{ n: number }>(sql).then((r) => r.rows[0]!.n);
    expect(await q(`SELECT count(*)::int AS n FROM area_nodes WHERE kind = 'community'`)).toBe(2);
    expect(await q(`SELECT count(*)::int AS n FROM users`)).toBe(DEMO_USERNAMES.length);
    expect(await q(`SELECT count(DISTINCT id_number_hash)::int AS n FROM residents`)).toBe(
      await q(`SELECT count(id_number_hash)::int AS n FROM residents`),
    );
  }, 180_000);
});
