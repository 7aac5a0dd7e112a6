import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { type RunningServer, startServer } from './server.js';
import { useTestDb } from './testing/index.js';

const t = useTestDb();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-server-start-'));
const servers: RunningServer[] = [];

afterAll(async () => {
  for (const s of servers) await s.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a server starting beside another on one database', () => {
  it('answers its first /api/health with every part up: it listens only once its LISTEN connection is there', async () => {
    const config = loadConfig({
      DATABASE_URL: t.url,
      LINLI_DATA_DIR: dataDir,
      LINLI_DEMO: 'off',
      LINLI_WEB: 'off',
      LINLI_SECRET_KEY: 'server start test',
      PORT: '0',
      LOG_LEVEL: 'warn',
    });
    // two servers, as two processes would run them; before the fix the second one's first health check, made the
    // moment it listened, found its listener still connecting and reported it as "reconnecting"
    for (let i = 0; i < 2; i++) {
      const server = await startServer(config, () => undefined);
      servers.push(server);
      const health = await server.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.json()).toMatchObject({ status: 'ok', database: 'up', jobs: 'up', listener: 'up', problems: [] });
    }
  });
});
