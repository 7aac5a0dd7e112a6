import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { areaNodes, flats } from '../apps/server/src/db/schema/index.js';
import { DEMO_SEED, generateDemo } from '../apps/server/src/seed/generate.js';
import { insertBatches } from '../apps/server/src/db/batch-insert.js';
import { BENCH_SECRET, type BenchCluster, type BenchDb, openBenchCluster } from './bench-db.js';
import { loadAverage } from './bench-client.js';
import { REGISTER_HEADERS, countXlsxRows, registerRows, toCsv, writeRegister } from './register.js';
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

/**
 * Import of Anping's register (the demo's 12,669 residents, written as a register .xlsx) into a database holding
 * only its areas and flats, through the CLI; beside a plain COPY of the same rows into a scratch table.
 */
export async function benchImport(): Promise<void> {
  const cluster = await openBenchCluster((m) => console.log(m));
  try {
    const db = await cluster.fresh('import');
    const demo = generateDemo({ seed: DEMO_SEED, now: new Date() });
    await db.db.transaction(async (tx) => {
      await insertBatches(tx, areaNodes, demo.areas.areaRows, { label: 'areas', log: () => undefined });
      await insertBatches(tx, flats, demo.areas.flatRows, { label: 'flats', log: () => undefined });
    });
    const anping = demo.areas.communities.find((c) => c.plan.key === 'anping')!;
    const rows = registerRows(anping, demo.households);
    const file = path.join(cluster.dir, 'anping-register.xlsx');
    await writeRegister(file, rows);
    console.log(`register: ${rows.length.toLocaleString('en-US')} residents, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);

    const env = { DATABASE_URL: db.url, LINLI_SECRET_KEY: BENCH_SECRET, LINLI_DATA_DIR: cluster.dir, LOG_LEVEL: 'warn' };
    const loadBefore = loadAverage();
    const startup = await cli([], env);
    const args = ['import', 'households', file, '--community', anping.plan.code, '--json'];
    let first = await cli(args, env);
    let report = parseReport(first);
    let refused = 0;
    if (!report.ok) {
      // a clean register must import whole; say what was refused, then time the import of the valid rows
      console.log(`WARNING: the import refused a clean register (${report.errors.length} problems), e.g.:`);
      for (const e of report.errors.slice(0, 5)) console.log(`  ${JSON.stringify(e)}`);
      args.push('--only-valid');
      first = await cli(args, env);
      report = parseReport(first);
      refused = rows.length - report.residents.created;
    }
    if (report.residents.created + refused !== rows.length) throw new Error(`unexpected report: ${JSON.stringify(report).slice(0, 1000)}`);
    const again = await cli(args, env);
    const second = parseReport(again);
    const read = await readXlsx(file);
    const plain = await plainLoad(cluster, db, rows);

    const rate = (s: number) => Math.round(rows.length / s).toLocaleString('en-US');
    const line = (what: string, s: number, vs = true) =>
      `| ${what} | ${s.toFixed(2)} | ${rate(s)} | ${vs ? `${(s / plain.seconds).toFixed(0)}×` : '–'} |`;
    console.log(`\nimport: ${rows.length} register rows; load average before ${loadBefore}, after ${loadAverage()}`);
    console.log('| step | seconds | rows/s | vs plain load |');
    console.log('|---|---|---|---|');
    console.log(
      line(
        `CLI import, first time (${report.households.created} households, ${report.residents.created} residents created)`,
        first.seconds,
      ),
    );
    console.log(
      line(
        `CLI import, same file again (residents: ${second.residents.unchanged} unchanged, ${second.residents.updated} updated, ${second.residents.created} created)`,
        again.seconds,
      ),
    );
    console.log(`| CLI start-up alone (usage, no database) | ${startup.seconds.toFixed(2)} | – | – |`);
    console.log(line(`exceljs streaming read of the file (${read.rows} rows)`, read.seconds));
    console.log(line(`plain load into a scratch table: ${plain.how}`, plain.seconds, false));
  } finally {
    await cluster.close();
  }
}
