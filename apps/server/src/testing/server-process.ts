/**
 * The server as main.ts starts it, minus the web build, for tests that need a real process (kill its PostgreSQL,
 * watch it recover). Prints `listening on <port>` once ready; SIGTERM shuts it down like main.ts.
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../config.js';
import { startServer } from '../server.js';

const say = (msg: string) => process.stdout.write(`[linli] ${msg}\n`);
const server = await startServer(loadConfig(), say);
say(`listening on ${(server.app.server.address() as AddressInfo).port}`);
process.on('SIGTERM', () => {
  void server.close().finally(() => process.exit(0));
});
