import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PiiKeys } from '../core/pii.js';
import type { Db, Tx } from '../db/pool.js';
import { scratchDir, unpackTo } from './archive.js';
import { OpsRefusal } from './backup.js';
import { loadTables } from './builtin-dump.js';
import { Manifest, differences, fileSums } from './manifest.js';
import { findTool, runTool } from './pg-tools.js';
import { ident, rowsOf } from './sealed-columns.js';
import { appliedMigrations, fixTextSettings, publicTables, restoreSequences, serverVersion, tableSums } from './snapshot.js';

export type RestoreOptions = {
  db: Db;
  url: string;
  dataDir: string;
  keys: PiiKeys;
  file: string;
  /** replace a database (and attachments) that are not empty, or go on beside other connections */
  force?: boolean;
  /** connections to this database that are this process's own (its pool) */
  ownConnections?: number;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
};

/** What a restore would refuse, one reason a line (empty: it may go on). */
async function refusals(opts: RestoreOptions, m: Manifest): Promise<string[]> {
  const out: string[] = [];
  const loaded = [opts.keys.current, ...opts.keys.previous].map((k) => k.id.toString('hex'));
  const missing = m.keys.sealedWith.filter((k) => !loaded.includes(k));
  if (missing.length)
    out.push(
      `The personal data in this backup is sealed with key id(s) ${missing.join(', ')}, which this installation does not hold: set LINLI_SECRET_KEY (and LINLI_SECRET_KEY_PREVIOUS) or put the secret.key kept with the backup into ${opts.dataDir} first.`,
    );
  const [others] = await rowsOf<{ n: number }>(
    opts.db,
    sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  const foreign = (others?.n ?? 0) - Math.max(0, (opts.ownConnections ?? 1) - 1);
  if (foreign > 0) out.push(`${foreign} other connection(s) use this database: stop the Linli servers first.`);
  const sums = await tableSums(opts.db, await publicTables(opts.db));
  const filled = Object.entries(sums).filter(([, s]) => s.rows > 0);
  if (filled.length)
    out.push(
      `The database is not empty (${filled
        .map(([t, s]) => `${t} ${s.rows}`)
        .slice(0, 5)
        .join(', ')}…).`,
    );
  if ((await fileSums(path.join(opts.dataDir, 'attachments'))).length) out.push(`${path.join(opts.dataDir, 'attachments')} is not empty.`);
  return out;
}

/** Checks the restored tables against the manifest, inside `tx` (a mismatch throws, so the restore rolls back). */
async function verifyTables(tx: Tx, m: Manifest): Promise<void> {
  await fixTextSettings(tx);
  const diff = differences('table', m.tables, await tableSums(tx, await publicTables(tx)));
  if (diff.length) throw new OpsRefusal(`The restored data does not match the backup's manifest:\n  ${diff.join('\n  ')}`);
}

async function restoreBuiltin(opts: RestoreOptions, m: Manifest, dir: string): Promise<void> {
  const here = await appliedMigrations(opts.db);
  if (JSON.stringify(here) !== JSON.stringify(m.migrations))
    throw new OpsRefusal(
      `The backup was made at another schema version (${m.migrations.length} migrations; this Linli has ${here.length}): restore it with the Linli version that made it, then upgrade.`,
    );
  await opts.db.transaction(async (tx) => {
    await fixTextSettings(tx);
    const tables = await publicTables(tx);
    if (opts.force && tables.length) await tx.execute(sql`TRUNCATE ${sql.join(tables.map(ident), sql`, `)} CASCADE`);
    const fks = await rowsOf<{ tbl: string; name: string; def: string }>(
      tx,
      sql`SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
          FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    for (const fk of fks) await tx.execute(sql`ALTER TABLE ${sql.raw(fk.tbl)} DROP CONSTRAINT ${ident(fk.name)}`);
    // the rows are loaded as they were dumped, derived ones (figure rollups and their marks) included: the triggers
    // that keep those current would add rows of their own on the way, so they are off during the load
    for (const t of tables) await tx.execute(sql`ALTER TABLE ${ident(t)} DISABLE TRIGGER USER`);
    const loaded = await loadTables(tx, Object.keys(m.tables), path.join(dir, 'data'));
    for (const t of tables) await tx.execute(sql`ALTER TABLE ${ident(t)} ENABLE TRIGGER USER`);
    opts.log(`Loaded ${Object.values(loaded).reduce((a, b) => a + b, 0)} rows into ${Object.keys(loaded).length} tables`);
    // re-adding the foreign keys checks every reference
    for (const fk of fks) await tx.execute(sql`ALTER TABLE ${sql.raw(fk.tbl)} ADD CONSTRAINT ${ident(fk.name)} ${sql.raw(fk.def)}`);
    await restoreSequences(tx, m.sequences);
    await verifyTables(tx, m);
  });
}

async function restorePgDump(opts: RestoreOptions, m: Manifest, dir: string, major: number): Promise<void> {
  if (m.engine.kind !== 'pg_dump') return;
  const here = await appliedMigrations(opts.db);
  if (m.migrations.some((h, i) => here[i] !== h))
    throw new OpsRefusal('The backup was made by a newer Linli (its migrations are not all known here): upgrade Linli first.');
  if (major < m.engine.major)
    throw new OpsRefusal(`The backup is a pg_dump ${m.engine.major} archive; this PostgreSQL ${major} is older and cannot take it.`);
  const tool = await findTool('pg_restore', major, opts.env);
  if (!tool)
    throw new OpsRefusal(
      `No pg_restore ${major} found for this PostgreSQL ${major} (looked in LINLI_PG_BIN, /usr/lib/postgresql/${major}/bin, /usr/pgsql-${major}/bin, PATH).`,
    );
  opts.log(`Restoring with ${tool.path} (pg_restore ${tool.major}, the server's major version)`);
  await opts.db.transaction(async (tx) => {
    await tx.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
    await tx.execute(sql`DROP SCHEMA public CASCADE`);
    await tx.execute(sql`CREATE SCHEMA public`);
  });
  await runTool(tool, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', path.join(dir, 'db.dump')], opts.url);
  await opts.db.transaction((tx) => verifyTables(tx, m));
}

/** Restores an archive of backupTo into this (empty) database and data directory, then checks every figure. */
export async function restoreFrom(opts: RestoreOptions): Promise<Manifest> {
  const scratch = await scratchDir();
  try {
    await unpackTo(opts.file, scratch.dir).catch(() => {
      throw new OpsRefusal(`${opts.file} is not a Linli backup (no such file, or not a tar.gz archive)`);
    });
    const raw = await fs.promises.readFile(path.join(scratch.dir, 'manifest.json'), 'utf8').catch(() => null);
    const parsed = raw === null ? null : Manifest.safeParse(JSON.parse(raw));
    if (!parsed?.success) throw new OpsRefusal(`${opts.file} is not a Linli backup (no readable manifest.json)`);
    const m = parsed.data;
    const blocked = await refusals(opts, m);
    if (blocked.length && !opts.force)
      throw new OpsRefusal(
        `Nothing was changed:\n  ${blocked.join('\n  ')}${blocked.some((b) => !b.includes('key id')) ? '\nAdd --force to replace what is there.' : ''}`,
      );
    for (const b of blocked) opts.log(`--force: ${b}`);
    const files = await fileSums(path.join(scratch.dir, 'attachments'));
    const fileDiff = differences(
      'attachment',
      Object.fromEntries(m.attachments.map((f) => [f.path, f])),
      Object.fromEntries(files.map((f) => [f.path, f])),
    );
    if (fileDiff.length) throw new OpsRefusal(`The archive's attachments do not match its manifest:\n  ${fileDiff.join('\n  ')}`);
    const { major } = await serverVersion(opts.db);
    if (m.engine.kind === 'builtin') await restoreBuiltin(opts, m, scratch.dir);
    else await restorePgDump(opts, m, scratch.dir, major);
    const target = path.join(opts.dataDir, 'attachments');
    if (opts.force) await fs.promises.rm(target, { recursive: true, force: true });
    if (files.length) await fs.promises.cp(path.join(scratch.dir, 'attachments'), target, { recursive: true });
    return m;
  } finally {
    await scratch.done();
  }
}
