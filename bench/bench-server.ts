/**
 * The Linli HTTP app (buildApp, as main.ts builds it) on DATABASE_URL, without the web app, the bundled
 * PostgreSQL, migrations or the demo: the benches bring their own migrated database and run this as a child.
 */
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase } from '../apps/server/src/db/pool.js';
import { piiFromConfig } from '../apps/server/src/startup.js';

const config = loadConfig();
if (!config.databaseUrl) throw new Error('bench-server needs DATABASE_URL');
const database = openDatabase(config.databaseUrl, { max: 20 });
const app = await buildApp({ database, pii: piiFromConfig(config), logger: { level: config.logLevel }, rateLimits: config.rateLimits });
const stop = async () => {
  await app.close().catch(() => undefined);
  await database.pool.end().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
await app.listen({ port: config.port, host: '127.0.0.1' });
console.log(`bench server ready on ${config.port}`);
