import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { benchPii, openBenchCluster } from './bench-db.js';
import { createBenchUser, loadAverage, memoryOf, signIn, startBenchServer } from './bench-client.js';
import { districtScale } from './dataset.js';
import { countWrittenRows, csvFloor, explainFloor, stageTimes, writerRuns } from './export-floor.js';
import { reportFigures } from './report.js';
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

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * GET /api/exports/residents.xlsx of the whole district (860,000 residents) by a district-level user, against
 * the server as a child process: seconds and the server's peak resident set (VmHWM from /proc); beside it, in the
 * same run, the floor (the same SQL through `pg` to a CSV file) and the xlsx writers alone on the same rows.
 */
export async function benchExport(): Promise<void> {
  const cluster = await openBenchCluster((m) => console.log(m));
  try {
    const db = await cluster.dataset('district', districtScale(), BENCH_SEED);
    const district = (await db.pool.query<{ id: string }>(`SELECT id FROM area_nodes WHERE kind = 'district'`)).rows[0]!;
    const total = (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM residents WHERE status = 'active'`)).rows[0]!.n;
    const user = await createBenchUser(db.db, 'bench-district', 'system_admin', district.id);
    const loadBefore = loadAverage();
    const floorFile = path.join(cluster.dir, 'residents-floor.csv');
    const floor = await csvFloor(db.pool, floorFile, Math.min(50_000, total));
    fs.rmSync(floorFile, { force: true });
    // BENCH_EXPLAIN=1 prints the plans of the two statements (the ids' sort and one page of rows), run once more
    if (process.env.BENCH_EXPLAIN === '1') console.log(await explainFloor(db.pool));
    const stages = stageTimes(floor.kept, benchPii());
    floor.kept.length = 0;
    const writers = await writerRuns(stages.display);
    const sample = stages.display.length;
    stages.display.length = 0;
    const server = await startBenchServer(db.url);
    let run: { seconds: number; bytes: number; rows: number; before: number; peak: number; sampled: number };
    try {
      const session = await signIn(server.url, user);
      const before = memoryOf(server.pid);
      let sampledMax = before.rssMiB;
      const sampler = setInterval(() => (sampledMax = Math.max(sampledMax, memoryOf(server.pid).rssMiB)), 100);
      const file = path.join(cluster.dir, 'residents-export.xlsx');
      const started = performance.now();
      const got = await download(`${server.url}/api/exports/residents.xlsx`, session.headers, file);
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const after = memoryOf(server.pid);
      const rows = await countWrittenRows(file);
      fs.rmSync(file, { force: true });
      run = { seconds, bytes: got.bytes, rows, before: before.rssMiB, peak: after.peakMiB, sampled: sampledMax };
    } finally {
      await server.stop();
    }
    if (run.rows !== total || floor.rows !== total) throw new Error(`rows: export ${run.rows}, floor ${floor.rows}, database ${total}`);
    console.log(`\nexport: ${total.toLocaleString('en-US')} active residents; load average before ${loadBefore}, after ${loadAverage()}`);
    console.log(
      `export file ${mb(run.bytes)}; floor CSV ${mb(floor.bytes)}; server RSS before ${run.before.toFixed(0)} MiB, highest 100 ms sample ${run.sampled.toFixed(0)} MiB`,
    );
    const rate = (n: number, s: number) => n / s;
    const w = writers;
    console.log(
      `writers alone on ${sample.toLocaleString('en-US')} rows: exceljs ${w.exceljs.seconds.toFixed(2)} s (${mb(w.exceljs.bytes)}), ` +
        `hand-written ${w.lean.seconds.toFixed(2)} s (${mb(w.lean.bytes)}), hand-written at deflate level 6 ${w.level6.seconds.toFixed(2)} s (${mb(w.level6.bytes)}), CSV ${w.csv.seconds.toFixed(2)} s`,
    );
    const st = stages;
    console.log(
      `stages on ${sample.toLocaleString('en-US')} rows, one core: row building ${st.rowsS.toFixed(2)} s, XML text ${st.xmlS.toFixed(2)} s (${mb(st.xmlBytes)}), ` +
        `UTF-8 + CRC-32 ${st.encodeS.toFixed(2)} s, deflate level 1 ${st.level1.seconds.toFixed(2)} s (${mb(st.level1.bytes)}), level 6 ${st.level6.seconds.toFixed(2)} s (${mb(st.level6.bytes)})`,
    );
    const stage = (name: string, s: number) => ({
      name: `stage alone: ${name}`,
      unit: 'rows/s',
      measured: rate(sample, s),
      floor: null,
      better: 'higher' as const,
    });
    reportFigures('export', [
      {
        name: `district export, ${total.toLocaleString('en-US')} residents (floor: same SQL through pg to CSV)`,
        unit: 's',
        measured: run.seconds,
        floor: floor.seconds,
        better: 'lower',
        aim: { max: 60 },
      },
      {
        name: 'export rows/s',
        unit: 'rows/s',
        measured: rate(run.rows, run.seconds),
        floor: rate(floor.rows, floor.seconds),
        better: 'higher',
      },
      { name: 'server peak RSS (VmHWM)', unit: 'MiB', measured: run.peak, floor: null, better: 'lower', aim: { max: 300 } },
      {
        name: 'writer alone: hand-written xlsx, deflate level 1 (floor: CSV of the same rows)',
        unit: 'rows/s',
        measured: rate(sample, w.lean.seconds),
        floor: rate(sample, w.csv.seconds),
        better: 'higher',
      },
      {
        name: 'writer alone: exceljs WorkbookWriter (floor: CSV of the same rows)',
        unit: 'rows/s',
        measured: rate(sample, w.exceljs.seconds),
        floor: rate(sample, w.csv.seconds),
        better: 'higher',
      },
      {
        name: 'writer alone: hand-written, deflate level 6',
        unit: 'rows/s',
        measured: rate(sample, w.level6.seconds),
        floor: rate(sample, w.csv.seconds),
        better: 'higher',
      },
      stage('raw rows to display cells', st.rowsS),
      stage('cells to SpreadsheetML text', st.xmlS),
      stage('UTF-8 encoding and CRC-32', st.encodeS),
      stage('deflate level 1', st.level1.seconds),
      stage('deflate level 6', st.level6.seconds),
    ]);
  } finally {
    await cluster.close();
  }
}
