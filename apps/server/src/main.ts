import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { StartupError } from './db/embedded.js';
import { openConfiguredDatabase } from './db/open.js';
import { startHousekeeping } from './jobs/housekeeping.js';
import { startBackgroundJobs } from './jobs/index.js';
import { attachmentStorage } from './core/storage.js';
import { piiFromConfig, prepareDemo } from './startup.js';
import { WEB_DIST, ensureWebBuilt } from './web-build.js';

const say = (msg: string) => process.stdout.write(`[linli] ${msg}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const webBuilt = ensureWebBuilt(say);
  say(config.databaseUrl ? 'Using the PostgreSQL server of DATABASE_URL' : `Starting the bundled PostgreSQL in ${config.dataDir}`);
  const database = await openConfiguredDatabase(config, say);
  const storage = attachmentStorage(config.dataDir);
  const stopHousekeeping = startHousekeeping(database.db, undefined, storage);
  const demo = await prepareDemo(database, config, say);
  const app = await buildApp({
    database,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    dataDir: config.dataDir,
    storage,
    importLimits: { maxFileBytes: config.importMaxBytes },
    webDir: webBuilt ? WEB_DIST : undefined,
    ...demo,
  });
  // started here, not in buildApp, so API tests never run the jobs
  const stopJobs = startBackgroundJobs(database, demo.pii ?? piiFromConfig(config), config, say);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal}: shutting down`);
    stopHousekeeping();
    await stopJobs().catch(() => undefined);
    await app.close().catch(() => undefined);
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  say(`Linli is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}  (API docs: /api/docs)`);
}

main().catch((e: unknown) => {
  if (e instanceof StartupError) process.stderr.write(`[linli] ${e.message}\n`);
  else process.stderr.write(`[linli] failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
