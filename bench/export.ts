import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { openBenchCluster } from './bench-db.js';
import { createBenchUser, loadAverage, memoryOf, signIn, startBenchServer } from './bench-client.js';
import { districtScale } from './dataset.js';
import { countXlsxRows } from './register.js';
import { BENCH_SEED } from './registry.js';

/** Streams the body into `file`, counting bytes, without holding it in memory. */
async function download(url: string, headers: Record<string, string>, file: string) {
  const res = await fetch(url, { headers });
  if (!res.ok || !res.body) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  let bytes = 0;
  const out = fs.createWriteStream(file);
  const counter = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (out.write(chunk)) done();
      else out.once('drain', done);
    },
    final(done) {
      out.end(done);
    },
  });
  await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), counter);
  return { bytes, contentType: res.headers.get('content-type') };
}

/**
 * GET /api/exports/residents.xlsx of the whole district (860,000 residents) by a district-level user, against
 * the server as a child process: seconds, and the server's peak resident set (VmHWM from /proc) before and after.
 */
export async function benchExport(): Promise<void> {
  const cluster = await openBenchCluster((m) => console.log(m));
  try {
    const db = await cluster.dataset('district', districtScale(), BENCH_SEED);
    const district = (await db.pool.query<{ id: string }>(`SELECT id FROM area_nodes WHERE kind = 'district'`)).rows[0]!;
    const total = (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM residents WHERE status = 'active'`)).rows[0]!.n;
    const user = await createBenchUser(db.db, 'bench-district', 'system_admin', district.id);
    const server = await startBenchServer(db.url);
    try {
      const session = await signIn(server.url, user);
      const before = memoryOf(server.pid);
      let sampledMax = before.rssMiB;
      const sampler = setInterval(() => (sampledMax = Math.max(sampledMax, memoryOf(server.pid).rssMiB)), 100);
      const loadBefore = loadAverage();
      const file = path.join(cluster.dir, 'residents-export.xlsx');
      const started = performance.now();
      const got = await download(`${server.url}/api/exports/residents.xlsx`, session.headers, file);
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const after = memoryOf(server.pid);
      const loadAfter = loadAverage();
      const rows = (await countXlsxRows(file)) - 1;
      fs.rmSync(file, { force: true });
      console.log(
        `\nexport: ${total.toLocaleString('en-US')} active residents in the database; load average before ${loadBefore}, after ${loadAfter}`,
      );
      console.log('| what | value |');
      console.log('|---|---|');
      console.log(`| rows in the file (header excluded) | ${rows.toLocaleString('en-US')} |`);
      console.log(`| file size | ${(got.bytes / 1e6).toFixed(1)} MB (${got.contentType}) |`);
      console.log(`| seconds, request to last byte | ${seconds.toFixed(1)} |`);
      console.log(`| rows/s | ${Math.round(rows / seconds).toLocaleString('en-US')} |`);
      console.log(`| server RSS before the export | ${before.rssMiB.toFixed(0)} MiB (peak so far ${before.peakMiB.toFixed(0)} MiB) |`);
      console.log(
        `| server peak RSS (VmHWM) after | ${after.peakMiB.toFixed(0)} MiB (highest 100 ms sample ${sampledMax.toFixed(0)} MiB) |`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await cluster.close();
  }
}
