/**
 * `npm run check:access` and `npm run check:fuzz` (docs/CHECKS.md): the full access matrix and the full fuzz run
 * against a fresh bundled PostgreSQL with the demo seeded, through the whole app (Fastify inject).
 *   check:access                       every route × demo role × inside/outside row; exit 1 on a failure or a missing entry
 *   check:fuzz [--requests N] [--seed S] at least 20,000 fuzzed requests (default), then the row counts compared
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../app.js';
import { createPii, loadPiiKeys } from '../../core/pii.js';
import { startEmbeddedPostgres } from '../../db/embedded.js';
import { migrateDatabase } from '../../db/migrate.js';
import { openDatabase } from '../../db/pool.js';
import { seedDemo } from '../../seed/index.js';
import { fuzzTargets, runFuzz } from './fuzz.js';
import { checkWorld, rowCounts } from './harness.js';
import { runAccessMatrix } from './run-matrix.js';

const PASSWORD = 'linli-check-2026';
const [mode, ...rest] = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? Number(rest[i + 1]) : dflt;
};
const say = (m: string) => process.stdout.write(`${m}\n`);

async function main(): Promise<number> {
  if (mode !== 'access' && mode !== 'fuzz') {
    say('usage: cli.ts access | fuzz [--requests N] [--seed S]');
    return 2;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-check-'));
  fs.chmodSync(dir, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: dir, fsync: false });
  const database = openDatabase(cluster.url('postgres'), { max: 10 });
  try {
    await migrateDatabase(database);
    const pii = createPii(loadPiiKeys({ secretKey: 'linli-check-secret', dataDir: dir }));
    say('seeding the demo…');
    await seedDemo({ db: database.db, pii, password: PASSWORD, log: () => undefined });
    const app = await buildApp({ database, pii });
    await app.ready();
    const world = await checkWorld(app, database.pool, PASSWORD);
    const started = Date.now();
    if (mode === 'access') {
      const r = await runAccessMatrix(world.ops, world.rows, world.callers);
      say(
        `access matrix: ${r.passed} cells as policy says, ${r.failures.length} failures, ${r.defects.length} known defects, ${r.skipped.length} skipped, ${r.missing.length} operations without an entry (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      for (const [title, list] of [
        ['FAILURES', r.failures],
        ['KNOWN DEFECTS', r.defects],
        ['MISSING ENTRIES', r.missing],
        ['SKIPPED', r.skipped],
      ] as const)
        if (list.length) say(`\n${title}\n  ${list.join('\n  ')}`);
      await app.close();
      return r.failures.length || r.missing.length ? 1 : 0;
    }
    const targets = fuzzTargets(world.ops);
    const total = arg('requests', 20_000);
    const counts = () => rowCounts(database.pool);
    const r = await runFuzz(targets, world.rows, world.callers.admin, { seed: arg('seed', 20261207), total, concurrency: 8, counts });
    say(
      `fuzz: ${r.requests} requests over ${targets.length} operations in ${((Date.now() - started) / 1000).toFixed(1)} s, ${r.findings.length} findings`,
    );
    say(
      `answers by status: ${[...r.statuses]
        .sort(([a], [b]) => a - b)
        .map(([st, n]) => `${st} ×${n}`)
        .join(', ')}`,
    );
    say(`row counts compared around ${r.countsCompared} operations whose every request was rejected`);
    for (const f of r.findings) say(`  ${f.operation} | ${f.what} | ${f.problem}`);
    const writes = [...r.accepted].filter(([k]) => !k.startsWith('GET'));
    say(`writes the server accepted (2xx) from fuzzed input: ${writes.map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}`);
    await app.close();
    return r.findings.length ? 1 : 0;
  } finally {
    await database.pool.end();
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

process.exit(await main());
