import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../apps/server/src/db/pool.js';
import { roleAssignments, users } from '../apps/server/src/db/schema/index.js';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.js';
import { BENCH_SECRET } from './bench-db.js';
import { BENCH_PASSWORD, ROOT, freePort, startProcess } from './server-process.js';

export type BenchServer = { pid: number; url: string; stop: () => Promise<void> };

/** Runs bench-server.ts as `node --import tsx` (so `pid` is the server itself, for /proc) on `databaseUrl`. */
export async function startBenchServer(databaseUrl: string, timeoutMs = 120_000): Promise<BenchServer> {
  const port = await freePort();
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server (open it in Chrome DevTools)
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server = await startProcess(
    path.join(ROOT, 'bench/bench-server.ts'),
    { DATABASE_URL: databaseUrl, PORT: String(port), LINLI_SECRET_KEY: BENCH_SECRET },
    'bench server ready',
    timeoutMs,
    { bin: process.execPath, args: [...prof, '--import', 'tsx'] },
  );
  server.child.stderr!.on('data', (c: Buffer) => process.stderr.write(`[server] ${c.toString()}`));
  return { pid: server.child.pid!, url: server.url, stop: server.stop };
}

export { memoryOf } from '../apps/server/src/testing/processes.js';

/** A user holding `role` on the area `areaId`, with BENCH_PASSWORD; returns the username. */
export async function createBenchUser(db: Db, username: string, role: Role, areaId: string): Promise<string> {
  await db.execute(sql`DELETE FROM ${users} WHERE ${users.username} = ${username}`);
  const [u] = await db
    .insert(users)
    .values({ username, displayName: username, passwordHash: await hashPassword(BENCH_PASSWORD) })
    .returning({ id: users.id });
  await db.insert(roleAssignments).values({ userId: u!.id, role, areaId });
  return username;
}

export type Session = { base: string; headers: Record<string, string> };

export async function signIn(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { base, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** GET → parsed JSON, throwing on a non-2xx answer (a bench must not time error pages). */
export async function getJson<T>(s: Session, url: string): Promise<T> {
  const res = await fetch(`${s.base}${url}`, { headers: s.headers });
  const body = await res.text();
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

export async function postJson<T>(s: Session, url: string, body: unknown): Promise<T> {
  const res = await fetch(`${s.base}${url}`, {
    method: 'POST',
    headers: { ...s.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** `count` sequential runs of `run(i)` after `warmup` untimed ones: p50 and p95 in ms. */
export async function timeSequential(count: number, warmup: number, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < warmup; i++) await run(i);
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await run(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

/** `count` sequential requests (after `warmup` untimed ones), cycling through `urls`: p50 and p95 in ms. */
export function timeRequests(s: Session, urls: readonly string[], count: number, warmup: number) {
  return timeSequential(count, warmup, (i) => getJson(s, urls[i % urls.length]!));
}

export const loadAverage = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
