import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/pool.js';

export function databaseUrlFor(templateUrl: string, name: string): string {
  const u = new URL(templateUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(templateUrl: string, sql: string) {
  const c = new pg.Client({ connectionString: databaseUrlFor(templateUrl, 'postgres') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A fresh database cloned from the migrated template; `drop()` ends its pool and removes it. */
export async function createTestDatabase(): Promise<Database & { url: string; drop: () => Promise<void> }> {
  const templateUrl = inject('templateDbUrl');
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer(templateUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
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
