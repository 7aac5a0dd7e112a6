import type { Config } from '../config.js';
import { runningClusterUrl, startEmbeddedPostgres } from './embedded.js';
import { safeErrorMessage } from './connection-errors.js';
import { migrateDatabase } from './migrate.js';
import { type Database, openDatabase, waitForDatabase } from './pool.js';

export type OpenedDatabase = Database & {
  url: string;
  close: () => Promise<void>;
  embedded: boolean;
  /** the bundled PostgreSQL's postmaster pid (null with DATABASE_URL) */
  postmasterPid: () => number | null;
};

/** The configured database: DATABASE_URL's server, or the bundled PostgreSQL in the data dir; migrated. */
export async function openConfiguredDatabase(
  config: Config,
  log: (msg: string) => void,
  opts: { beside?: boolean } = {},
): Promise<OpenedDatabase> {
  // The CLI works beside a running server: it connects to that server's bundled PostgreSQL.
  const running = !config.databaseUrl && opts.beside ? runningClusterUrl(config.dataDir, 'linli') : null;
  if (running) config = { ...config, databaseUrl: running };
  const cluster = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, supervise: true, notify: log });
  if (cluster) {
    const admin = openDatabase(cluster.url('postgres'), { max: 1 });
    const exists = await admin.pool.query('SELECT 1 FROM pg_database WHERE datname = $1', ['linli']);
    if (exists.rowCount === 0) await admin.pool.query('CREATE DATABASE linli');
    await admin.pool.end();
  }
  const url = config.databaseUrl ?? cluster!.url('linli');
  const database = openDatabase(url, { max: 20, onError: (e) => log(`database connection lost: ${safeErrorMessage(e)}`) });
  try {
    await waitForDatabase(database.pool, url, log);
    await migrateDatabase(database);
  } catch (e) {
    await database.pool.end().catch(() => undefined);
    await cluster?.stop();
    throw e;
  }
  return {
    ...database,
    url,
    embedded: Boolean(cluster),
    postmasterPid: () => cluster?.postmasterPid() ?? null,
    close: async () => {
      await database.pool.end().catch(() => undefined);
      await cluster?.stop();
    },
  };
}
