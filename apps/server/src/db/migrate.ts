import { migrate } from 'drizzle-orm/node-postgres/migrator';
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

/** Applies committed migrations under the startup lock. */
export async function migrateDatabase({ pool, db }: Database, onWait?: () => void): Promise<void> {
  await withStartupLock(
    pool,
    async (client) => {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    },
    onWait,
  );
}
