import autocannon from 'autocannon';
import fs from 'node:fs';
import { BENCH_PASSWORD, freePort, startLinli, startProcess, tempDataDir } from './server-process.js';

type Result = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function load(name: string, opts: autocannon.Options): Promise<Result> {
  const r = await autocannon({ connections: 50, duration: 10, ...opts });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

/** Sign-in and GET /api/me at 50 connections, beside a bare Fastify route in the same run. */
export async function benchApi(): Promise<void> {
  const dir = tempDataDir();
  const bareProc = await startProcess('bench/bare-server.ts', { PORT: String(await freePort()) }, 'bare ready');
  const linli = await startLinli(dir);
  try {
    const login = await fetch(`${linli.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anping-staff', password: BENCH_PASSWORD }),
    });
    if (!login.ok) throw new Error(`bench sign-in failed: ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const bare = await load('bare Fastify route', { url: `${bareProc.url}/bare` });
    const me = await load('GET /api/me (session)', { url: `${linli.url}/api/me`, headers: { cookie } });
    const signIn = await load('POST /api/auth/login', {
      url: `${linli.url}/api/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lvyang-staff', password: BENCH_PASSWORD }),
    });
    console.log('api: 50 connections, 10 s each');
    console.table(
      [bare, me, signIn].map((r) => ({
        endpoint: r.name,
        'req/s': Math.round(r.rps),
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        'errors+non-2xx': r.errors + r.non2xx,
        'vs bare': `${((r.rps / bare.rps) * 100).toFixed(1)} %`,
      })),
    );
  } finally {
    await linli.stop();
    await bareProc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
