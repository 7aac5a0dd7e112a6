import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'vitest';
import type { TestProject } from 'vitest/node';
import { freePort } from '../apps/server/src/testing/processes.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '..');
export const DEMO_PASSWORD = 'e2e-demo-password-2026';

/** Starts the real server (`npm start`'s entry) on a fresh data dir with the demo seeded; stops it afterwards. */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LINLI_DATA_DIR: dataDir,
    LINLI_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['apps/server/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM'); // while starting, the server stops its bundled PostgreSQL on a signal and exits
      reject(new Error(`server did not start in 480 s:\n${output}`));
    }, 480_000); // the demo seed takes minutes on a loaded 2-core machine
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Linli is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('demoPassword', DEMO_PASSWORD);
  return async () => {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(resolve, 10_000).unref();
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
