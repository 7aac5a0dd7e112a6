import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { areaNodes, flats } from '../apps/server/src/db/schema/index.js';
import { DEMO_SEED, generateDemo } from '../apps/server/src/seed/generate.js';
import { insertBatches } from '../apps/server/src/db/batch-insert.js';
import { importCommand } from '../apps/server/src/cli/import.js';
import { readSheetRows } from '../apps/server/src/modules/imports/xlsx-read.js';
import { BENCH_SECRET, type BenchCluster, type BenchDb, benchPii, openBenchCluster } from './bench-db.js';
import { loadAverage } from './bench-client.js';
import { REGISTER_HEADERS, countXlsxRows, registerRows, toCsv, writeRegister } from './register.js';
import { type Figure, reportFigures } from './report.js';
import { ROOT } from './server-process.js';

type Run = { seconds: number; code: number | null; stdout: string; stderr: string };

/** `npm run linli -- <args>` as the npm script runs it (tsx src/cli.ts in apps/server), timed from spawn to exit. */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/cli.ts', ...args], {
    cwd: path.join(ROOT, 'apps/server'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code) => resolve({ seconds: (performance.now() - started) / 1000, code, stdout, stderr })),
  );
}

type Counts = { created: number; updated: number; unchanged: number };
type Report = { ok: boolean; errors: unknown[]; households: Counts; residents: Counts };

/** The --json report; exit 1 (problems found) still prints one. */
function parseReport(run: Run): Report {
  if (run.code !== 0 && run.code !== 1)
    throw new Error(`import exited with ${run.code}:\n${run.stdout.slice(0, 2000)}\n${run.stderr.slice(0, 2000)}`);
  return JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as Report;
}

/** The plain baseline: server-side COPY of the CSV (bundled PostgreSQL), else one unnest INSERT per 2,000 rows. */
async function plainLoad(cluster: BenchCluster, db: BenchDb, rows: string[][]): Promise<{ seconds: number; how: string }> {
  const cols = REGISTER_HEADERS.map((_, i) => `c${i + 1}`);
  await db.pool.query(`CREATE TABLE bench_register_copy (${cols.map((c) => `${c} text`).join(', ')})`);
  const csv = path.join(cluster.dir, 'register.csv');
  fs.writeFileSync(csv, toCsv(rows), { mode: 0o644 });
  const started = performance.now();
  if (cluster.local) {
    await db.pool.query(`COPY bench_register_copy FROM '${csv}' WITH (FORMAT csv, HEADER true)`);
  } else {
    for (let i = 0; i < rows.length; i += 2000) {
      const batch = rows.slice(i, i + 2000);
      const params = cols.map((_, c) => batch.map((r) => r[c]!));
      await db.pool.query(
        `INSERT INTO bench_register_copy SELECT * FROM unnest(${cols.map((_, c) => `$${c + 1}::text[]`).join(', ')})`,
        params,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const { rows: n } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_register_copy');
  if (n[0]!.n !== rows.length) throw new Error(`plain load wrote ${n[0]!.n} rows, expected ${rows.length}`);
  return { seconds, how: cluster.local ? 'COPY … FROM file (csv)' : 'INSERT … SELECT unnest($1::text[], …)' };
}

async function readXlsx(file: string): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  const rows = await countXlsxRows(file);
  return { seconds: (performance.now() - started) / 1000, rows: rows - 1 };
}

/** A fresh database holding only the demo's areas and flats. */
async function areasOnly(cluster: BenchCluster, name: string, demo: ReturnType<typeof generateDemo>): Promise<BenchDb> {
  const db = await cluster.fresh(name);
  await db.db.transaction(async (tx) => {
    await insertBatches(tx, areaNodes, demo.areas.areaRows, { label: 'areas', log: () => undefined });
    await insertBatches(tx, flats, demo.areas.flatRows, { label: 'flats', log: () => undefined });
  });
  return db;
}

/** The CLI's import command run in this process (no tsx start-up), timed; its --json report parsed. */
async function inProcess(db: BenchDb, args: string[], dataDir: string): Promise<{ seconds: number; report: Report }> {
  let out = '';
  const started = performance.now();
  const code = await importCommand(args.slice(1), { db: db.db, dataDir, pii: benchPii(), log: (m: string) => (out += m) });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, report: parseReport({ seconds, code, stdout: out, stderr: '' }) };
}

async function readRows(file: string): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  let rows = 0;
  for await (const _ of readSheetRows(file, 1_000_000)) rows++;
  return { seconds: (performance.now() - started) / 1000, rows: rows - 1 };
}

/**
 * Import of Anping's register (the demo's 12,669 residents, written as a register .xlsx) into a database holding
 * only its areas and flats: through the CLI (wall time, start-up included) and the same command in this process;
 * the floor is exceljs alone streaming the same file, in the same run, beside a plain COPY of the same rows.
 */
export async function benchImport(): Promise<void> {
  const cluster = await openBenchCluster((m) => console.log(m));
  try {
    const demo = generateDemo({ seed: DEMO_SEED, now: new Date() });
    const db = await areasOnly(cluster, 'import', demo);
    const anping = demo.areas.communities.find((c) => c.plan.key === 'anping')!;
    const rows = registerRows(anping, demo.households);
    const file = path.join(cluster.dir, 'anping-register.xlsx');
    await writeRegister(file, rows);
    console.log(`register: ${rows.length.toLocaleString('en-US')} residents, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);

    const env = { DATABASE_URL: db.url, LINLI_SECRET_KEY: BENCH_SECRET, LINLI_DATA_DIR: cluster.dir, LOG_LEVEL: 'warn' };
    const loadBefore = loadAverage();
    const startup = await cli([], env);
    const args = ['import', 'households', file, '--community', anping.plan.code, '--json'];
    const first = await cli(args, env);
    const report = parseReport(first);
    if (!report.ok || report.residents.created !== rows.length)
      throw new Error(`unexpected report: ${JSON.stringify(report).slice(0, 1000)}`);
    const again = await cli(args, env);
    const second = parseReport(again);
    const db2 = await areasOnly(cluster, 'import_inprocess', demo);
    const firstIn = await inProcess(db2, args, cluster.dir);
    const againIn = await inProcess(db2, args, cluster.dir);
    if (firstIn.report.residents.created !== rows.length || againIn.report.residents.unchanged !== rows.length)
      throw new Error('the in-process import did not create, then leave unchanged, every resident');
    const read = await readXlsx(file);
    const ours = await readRows(file);
    const plain = await plainLoad(cluster, db, rows);

    const n = rows.length;
    console.log(`\nimport: ${n} register rows; load average before ${loadBefore}, after ${loadAverage()}`);
    console.log(
      `CLI start-up alone (usage, no database): ${startup.seconds.toFixed(2)} s; plain load (${plain.how}): ${plain.seconds.toFixed(2)} s`,
    );
    console.log(
      `second run: residents ${second.residents.unchanged} unchanged, ${second.residents.updated} updated, ${second.residents.created} created`,
    );
    const floor = n / read.seconds;
    const fig = (name: string, seconds: number, aim = true): Figure => ({
      name,
      unit: 'rows/s',
      measured: n / seconds,
      floor,
      better: 'higher',
      ...(aim ? { aim: { ratio: 0.5 } } : {}),
    });
    reportFigures(
      'import',
      [
        fig(`import in-process, first time (${report.households.created} households, ${n} residents created)`, firstIn.seconds),
        fig('import in-process, same file again (all unchanged)', againIn.seconds),
        fig(`CLI import, first time (wall, with ${startup.seconds.toFixed(1)} s start-up)`, first.seconds, false),
        fig('CLI import, same file again (wall)', again.seconds, false),
        fig("the import's sheet reader alone (readSheetRows)", ours.seconds, false),
        { name: 'plain load of the same rows as CSV', unit: 'rows/s', measured: n / plain.seconds, floor: null, better: 'higher' },
      ],
      `floor: exceljs alone streaming the same file, ${read.seconds.toFixed(2)} s`,
    );
  } finally {
    await cluster.close();
  }
}
