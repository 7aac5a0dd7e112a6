import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPii, loadPiiKeys } from '../apps/server/src/core/pii.js';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.js';
import { MIGRATIONS_DIR, migrateDatabase } from '../apps/server/src/db/migrate.js';
import { type Database, openDatabase } from '../apps/server/src/db/pool.js';
import { generateDistrict } from './dataset.js';
import type { DistrictSize } from './district-plan.js';
import { tempDataDir } from './server-process.js';

/** The PII secret of every bench dataset; the bench server gets it as LINLI_SECRET_KEY. */
export const BENCH_SECRET = 'linli-bench-secret';
export const benchPii = () => createPii(loadPiiKeys({ secretKey: BENCH_SECRET, dataDir: os.tmpdir() }));

export type BenchDb = Database & { url: string; name: string };
export type BenchCluster = {
  /** the cluster runs on this machine as the bundled PostgreSQL, so server-side COPY FROM a file works */
  local: boolean;
  /** a scratch directory (mode 755) removed on close */
  dir: string;
  /** a migrated database holding the dataset of `size`; generated unless kept from an earlier BENCH_KEEP run */
  dataset: (name: string, size: DistrictSize, seed: number) => Promise<BenchDb>;
  /** a fresh, migrated, empty database */
  fresh: (name: string) => Promise<BenchDb>;
  close: () => Promise<void>;
};

const keep = () => process.env.BENCH_KEEP === '1';
const KEEP_DIR = path.join(os.tmpdir(), 'linli-bench-keep');

/** A short hash of each migration file, in order. */
function migrationHashes(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((n) => n.endsWith('.sql'))
    .sort()
    .map((f) =>
      createHash('sha256')
        .update(fs.readFileSync(path.join(MIGRATIONS_DIR, f)))
        .digest('hex')
        .slice(0, 12),
    );
}

type Marker = { size: DistrictSize; seed: number; v: number; migrations: string[] };
const MARKER_PREFIX = 'linli-bench ';

/**
 * A kept dataset is reused when its size, seed and generator version match and the migrations it was made with are
 * the first ones of today's list unchanged: the newer ones are applied to it (migrating forward beats regenerating
 * a district). A changed migration that it already has means a new dataset.
 */
function reusable(comment: string | null | undefined, want: Marker): boolean {
  if (!comment?.startsWith(MARKER_PREFIX)) return false;
  let had: Partial<Marker>;
  try {
    had = JSON.parse(comment.slice(MARKER_PREFIX.length)) as Partial<Marker>;
  } catch {
    return false;
  }
  const same = JSON.stringify({ ...had.size, seed: had.seed, v: had.v }) === JSON.stringify({ ...want.size, seed: want.seed, v: want.v });
  const prefix = Array.isArray(had.migrations) && had.migrations.every((h, i) => want.migrations[i] === h);
  return same && prefix;
}

/**
 * The bench's PostgreSQL: BENCH_DATABASE_URL's server, or the bundled PostgreSQL on a temp data dir (fsync off).
 * Databases are dropped and the dir removed on close, unless BENCH_KEEP=1, which keeps them in
 * <tmpdir>/linli-bench-keep and reuses a dataset whose size, seed and migrations still match.
 */
export async function openBenchCluster(log: (m: string) => void): Promise<BenchCluster> {
  const external = process.env.BENCH_DATABASE_URL;
  const dir = keep() ? KEEP_DIR : tempDataDir();
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  const cluster = external ? null : await startEmbeddedPostgres({ dataDir: path.join(dir, 'cluster'), fsync: false });
  const urlOf = (db: string) => {
    if (cluster) return cluster.url(db);
    const u = new URL(external!);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const admin = openDatabase(cluster ? cluster.url('postgres') : external!, { max: 1 });
  const created: BenchDb[] = [];
  const dbName = (name: string) => `linli_bench_${name}`;
  const open = async (name: string, create: boolean): Promise<BenchDb> => {
    if (create) {
      await admin.pool.query(`DROP DATABASE IF EXISTS ${dbName(name)} WITH (FORCE)`);
      await admin.pool.query(`CREATE DATABASE ${dbName(name)}`);
    }
    const url = urlOf(dbName(name));
    const db = { ...openDatabase(url, { max: 4 }), url, name: dbName(name) };
    created.push(db);
    await migrateDatabase(db);
    return db;
  };
  const marker = (size: DistrictSize, seed: number): Marker => ({ size, seed, v: 2, migrations: migrationHashes() });
  const label = async (name: string, m: Marker) =>
    admin.pool.query(`COMMENT ON DATABASE ${dbName(name)} IS '${(MARKER_PREFIX + JSON.stringify(m)).replace(/'/g, "''")}'`);

  return {
    local: Boolean(cluster),
    dir,
    fresh: (name) => open(name, true),
    async dataset(name, size, seed) {
      const want = marker(size, seed);
      const found = await admin.pool.query<{ c: string | null }>(
        `SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = $1`,
        [dbName(name)],
      );
      if (reusable(found.rows[0]?.c, want)) {
        log(`dataset ${name}: reusing the kept database ${dbName(name)} (newer migrations applied)`);
        const db = await open(name, false);
        await label(name, want);
        return db;
      }
      log(`dataset ${name}: generating ${size.grids} grids, ${size.households} households, ${size.residents} residents`);
      const db = await open(name, true);
      await generateDistrict({ db: db.db, pii: benchPii(), seed, ...size, log });
      await label(name, want);
      return db;
    },
    async close() {
      for (const db of created) await db.pool.end().catch(() => undefined);
      if (!keep())
        for (const db of created) await admin.pool.query(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`).catch(() => undefined);
      await admin.pool.end().catch(() => undefined);
      await cluster?.stop();
      if (!keep()) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
