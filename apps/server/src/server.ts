import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { attachmentStorage } from './core/storage.js';
import { type OpenedDatabase, openConfiguredDatabase } from './db/open.js';
import { startHousekeeping } from './jobs/housekeeping.js';
import { startBackgroundJobs } from './jobs/index.js';
import { piiFromConfig, prepareDemo } from './startup.js';

export type RunningServer = { app: FastifyInstance; database: OpenedDatabase; close: () => Promise<void> };

/**
 * Everything `npm start` runs after the web build: the database (bundled and supervised, or DATABASE_URL), the
 * demo, the app with its jobs, listening on the configured port. Tests start it in a child process as main.ts does.
 */
export async function startServer(config: Config, say: (msg: string) => void, opts: { webDir?: string } = {}): Promise<RunningServer> {
  say(config.databaseUrl ? 'Using the PostgreSQL server of DATABASE_URL' : `Starting the bundled PostgreSQL in ${config.dataDir}`);
  const database = await openConfiguredDatabase(config, say);
  const storage = attachmentStorage(config.dataDir);
  const stopHousekeeping = startHousekeeping(database.db, { storage, dataDir: config.dataDir, log: say });
  const demo = await prepareDemo(database, config, say);
  const app = await buildApp({
    database,
    logger: { level: config.logLevel, clientAddress: config.logClientAddress },
    trustProxy: config.trustProxy,
    rateLimits: config.rateLimits,
    dataDir: config.dataDir,
    storage,
    importLimits: { maxFileBytes: config.importMaxBytes },
    webDir: opts.webDir,
    ...demo,
  });
  // started here, not in buildApp, so API tests never run the jobs
  const stopJobs = startBackgroundJobs(database, demo.pii ?? piiFromConfig(config), config, say);
  await stopJobs.ready;
  await app.listen({ port: config.port, host: config.host });
  return {
    app,
    database,
    close: async () => {
      await stopHousekeeping();
      await stopJobs().catch(() => undefined);
      await app.close().catch(() => undefined);
      await database.close();
    },
  };
}
