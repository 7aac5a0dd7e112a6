import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/pool.js';

export function databaseUrlFor(templateUrl: string, name: string): string {
  const u = new URL(templateUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(templateUrl: string, ...statements: string[]) {
  const c = new pg.Client({ connectionString: databaseUrlFor(templateUrl, 'postgres') });
  await c.connect();
  try {
    for (const sql of statements) await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A fresh database cloned from the migrated template; `drop()` ends its pool and removes it. */
export async function createTestDatabase(): Promise<Database & { url: string; drop: () => Promise<void> }> {
  const templateUrl = inject('templateDbUrl');
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  // A commit need not wait for its WAL flush: on a PostgreSQL with fsync on (TEST_DATABASE_URL, e.g. the machine's
  // PostgreSQL 15 in CI) that is ~7 ms against ~1.5 ms a commit; what a test reads is the same (docs/CHECKS.md).
  await onServer(templateUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`, `ALTER DATABASE ${name} SET synchronous_commit = off`);
  const url = databaseUrlFor(templateUrl, name);
  const database = openDatabase(url, { max: 5 });
  return {
    ...database,
    url,
    drop: async () => {
      await database.pool.end();
      await onServer(templateUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
