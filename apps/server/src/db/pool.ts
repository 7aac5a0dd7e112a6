import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Database = { pool: pg.Pool; db: Db };

// DATE columns stay 'YYYY-MM-DD' strings; BIGINT counts come back as numbers.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));

export type PoolOptions = {
  max?: number;
  /** called once per client whose connection fails, idle or checked out */
  onError?: (e: Error) => void;
  /** how long a request waits for a connection before failing (503); default 10 s */
  connectionTimeoutMillis?: number;
};

/**
 * Opens a pool where no connection error can kill the process. pg.Pool's 'error' event covers idle clients only; a
 * client checked out when its backend dies (PostgreSQL restarted, pg_terminate_backend) emits 'error' on itself, so
 * every client gets a listener as it connects. The failed query rejects as well and its request answers 503.
 */
export function openDatabase(url: string, opts: PoolOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: 'linli',
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 10_000,
    keepAlive: true,
  });
  const reported = new WeakSet<pg.PoolClient>();
  const report = (client: pg.PoolClient, e: Error) => {
    if (reported.has(client)) return;
    reported.add(client);
    opts.onError?.(e);
  };
  pool.on('connect', (client) => client.on('error', (e) => report(client, e)));
  pool.on('error', (e, client) => report(client, e));
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
