import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Database = { pool: pg.Pool; db: Db };

// DATE columns stay 'YYYY-MM-DD' strings; BIGINT counts come back as numbers.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens a pool; idle-client errors (a server restart, a dropped test database) are logged, not fatal. */
export function openDatabase(url: string, opts: { max?: number; onError?: (e: Error) => void } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, application_name: 'linli' });
  pool.on('error', (e) => opts.onError?.(e));
  return { pool, db: drizzle(pool, { schema }) };
}

/** Describes where a URL points, without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL (unparseable)';
  }
}

/** Waits for the server to answer, retrying with exponential backoff instead of exiting. */
export async function waitForDatabase(
  pool: pg.Pool,
  url: string,
  log: (msg: string) => void,
  opts: { maxDelayMs?: number; firstDelayMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const maxDelayMs = opts.maxDelayMs ?? 30_000;
  for (let delay = opts.firstDelayMs ?? 500; ; delay = Math.min(delay * 2, maxDelayMs)) {
    opts.signal?.throwIfAborted();
    try {
      const r = await pool.query<{ v: string }>('SHOW server_version_num');
      const v = Number(r.rows[0]?.v);
      if (v < 150000) throw new Error(`PostgreSQL ${v} is too old: Linli needs PostgreSQL 15 or newer`);
      return;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (/too old/.test(err.message)) throw err;
      log(`Cannot reach the database at ${describeUrl(url)} (${err.code ?? err.message}); retrying in ${(delay / 1000).toFixed(1)} s`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
