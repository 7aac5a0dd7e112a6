import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config.js';

// A real server process on a temporary data dir with its own bundled PostgreSQL: kill -9 the postmaster and the
// server must notice, start it again, and answer without being restarted itself.
let dir: string;
let child: ChildProcess;
let output = '';
let base = '';

const postmasterPid = () => Number(fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

async function health(): Promise<{ status: number; body: Record<string, unknown> } | null> {
  try {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(3000) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } catch {
    return null;
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-restart-'));
  fs.chmodSync(dir, 0o755);
  child = spawn(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['apps/server/src/testing/server-process.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LINLI_DATA_DIR: dir,
      LINLI_DEMO: 'off',
      LINLI_SECRET_KEY: 'bundled restart test',
      DATABASE_URL: '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 50_000);
    const check = () => {
      const m = /listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  try {
    process.kill(postmasterPid(), 'SIGQUIT');
  } catch {
    /* stopped with the server, as it should be */
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the bundled PostgreSQL under supervision', () => {
  it('is started again after kill -9, and the same server process answers again with every part up', async () => {
    await expect
      .poll(async () => (await health())?.body, { timeout: 15_000, interval: 100 })
      .toMatchObject({
        status: 'ok',
        database: 'up',
        jobs: 'up',
        listener: 'up',
      });
    const before = postmasterPid();
    process.kill(before, 'SIGKILL');

    // idle backends may answer a moment longer: wait for the supervisor to have started a new postmaster, asking
    // for health meanwhile (the HTTP server must answer all along, 200 or 503)
    const seen: number[] = [];
    await expect
      .poll(
        async () => {
          seen.push((await health())?.status ?? 0);
          return output;
        },
        { timeout: 15_000, interval: 100 },
      )
      .toContain('running again');
    await expect
      .poll(
        async () => {
          const h = await health();
          seen.push(h?.status ?? 0);
          return h?.body;
        },
        { timeout: 15_000, interval: 100 },
      )
      .toMatchObject({ status: 'ok', database: 'up', jobs: 'up', listener: 'up' });

    expect(child.exitCode).toBeNull();
    expect(
      seen.every((status) => status === 200 || status === 503),
      seen.join(),
    ).toBe(true);
    expect(postmasterPid()).not.toBe(before);
    expect(output).toContain('stopped unexpectedly; restarting it');
    const signIn = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'not-the-password' }),
    });
    expect(signIn.status).toBe(401);
  });
});
