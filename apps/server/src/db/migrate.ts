import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { MIGRATIONS_DIR } from '../paths.js';
import type { Database } from './pool.js';

export { MIGRATIONS_DIR };

/** The one advisory lock under which a starting server migrates the database and seeds the demo. */
export const STARTUP_LOCK = 7_310_001;

/**
 * Runs `fn` holding the startup lock (session level, on a connection of its own): several servers starting on one
 * database migrate and seed one after the other; the second waits, then finds the work done and goes on.
 */
export async function withStartupLock<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, onWait?: () => void): Promise<T> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [STARTUP_LOCK]);
    if (!rows[0]?.got) {
      // said only when the wait is felt (another server seeding), not for the moment a quick check holds it
      const saying = onWait ? setTimeout(onWait, 1000) : null;
      await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]).finally(() => saying && clearTimeout(saying));
    }
    return await fn(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** The `when` of the newest committed migration: drizzle applies each one newer than the database's newest. */
function newestMigrationMillis(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

/** Whether the database holds every committed migration already, by drizzle's own rule: one query, no lock. */
async function isMigrated(pool: pg.Pool): Promise<boolean> {
  try {
    const { rows } = await pool.query<{ newest: number | null }>('SELECT max(created_at) AS newest FROM drizzle.__drizzle_migrations');
    return Number(rows[0]?.newest ?? 0) >= newestMigrationMillis();
  } catch (e) {
    // no schema or table yet (a new database): the migrator creates them
    if (['3F000', '42P01'].includes((e as { code?: string }).code ?? '')) return false;
    throw e;
  }
}

/**
 * Applies committed migrations under the startup lock. On an up-to-date database (every start but the first after an
 * upgrade) one query decides it, without the lock or drizzle's migrator, which reads and hashes every migration file.
 */
export async function migrateDatabase({ pool, db }: Database, onWait?: () => void): Promise<void> {
  if (await isMigrated(pool)) return;
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  await withStartupLock(
    pool,
    async (client) => {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    },
    onWait,
  );
}
