import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { databaseUrlFor } from '../testing/database.js';
import { MIGRATIONS_DIR, STARTUP_LOCK, migrateDatabase } from './migrate.js';
import { type Database, openDatabase } from './pool.js';

const templateUrl = inject('templateDbUrl');
const name = `t_migrate_${process.pid}_${randomBytes(3).toString('hex')}`;
let database: Database | undefined;

async function onServer(sql: string) {
  const c = new pg.Client({ connectionString: databaseUrlFor(templateUrl, 'postgres') });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

afterAll(async () => {
  await database?.pool.end();
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe('migrateDatabase', () => {
  it('applies every committed migration to a new database, then finds it up to date without the startup lock', async () => {
    await onServer(`CREATE DATABASE ${name}`);
    database = openDatabase(databaseUrlFor(templateUrl, name), { max: 3 });
    await migrateDatabase(database);
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const applied = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    expect(applied.rows[0]!.n).toBe(journal.entries.length);

    // another server holding the lock (migrating or seeding) must not hold up a start that has nothing to migrate
    const holder = await database.pool.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
      await migrateDatabase(database);
      const again = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      expect(again.rows[0]!.n).toBe(journal.entries.length);
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
      holder.release();
    }
  }, 60_000);
});
