import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PiiKeys } from '../core/pii.js';
import type { Db } from '../db/pool.js';
import { packDir, scratchDir } from './archive.js';
import { dumpTables } from './builtin-dump.js';
import { type Manifest, fileSums } from './manifest.js';
import { findTool, runTool, toolCandidates } from './pg-tools.js';
import { keyIdsInUse, rowsOf, sealedTables } from './sealed-columns.js';
import { appliedMigrations, fixTextSettings, publicTables, sequenceValues, serverVersion, tableSums } from './snapshot.js';

/** auto: pg_dump of the server's major version when this machine has one, else the built-in dump. */
export type Engine = 'auto' | 'pg_dump' | 'builtin';

export type BackupOptions = {
  db: Db;
  /** the database's URL, for pg_dump */
  url: string;
  dataDir: string;
  keys: PiiKeys;
  file: string;
  engine?: Engine;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
};

export class OpsRefusal extends Error {}

/**
 * Writes one archive (tar.gz, mode 0600): manifest.json (versions, migrations, row counts and checksums of every
 * table, sequences, attachment hashes, the ids of the keys that sealed the personal data), the database (db.dump
 * of pg_dump -Fc, or data/ of the built-in dump) and attachments/. Everything is read in one snapshot: pg_dump
 * joins the snapshot the manifest's figures were counted in.
 */
export async function backupTo(opts: BackupOptions): Promise<Manifest> {
  const version = await serverVersion(opts.db);
  const wanted = opts.engine ?? 'auto';
  const tool = wanted === 'builtin' ? null : await findTool('pg_dump', version.major, opts.env);
  if (wanted === 'pg_dump' && !tool) {
    const seen = toolCandidates('pg_dump', version.major, opts.env);
    throw new OpsRefusal(
      `No pg_dump ${version.major} found for this PostgreSQL ${version.text} (looked in LINLI_PG_BIN, /usr/lib/postgresql/${version.major}/bin, /usr/pgsql-${version.major}/bin, PATH${seen.length ? `; found other versions: ${seen.join(', ')}` : ''}). Install the client programs of version ${version.major} or use --engine builtin.`,
    );
  }
  opts.log(
    tool
      ? `Dumping with ${tool.path} (pg_dump ${tool.major}, the server's major version ${version.major})`
      : `Dumping with the built-in dump (${wanted === 'builtin' ? 'asked for' : `no pg_dump ${version.major} on this machine`}; server PostgreSQL ${version.text})`,
  );
  const scratch = await scratchDir();
  try {
    const manifest = await opts.db.transaction(
      async (tx) => {
        await fixTextSettings(tx);
        const tables = await publicTables(tx);
        const sealed = await keyIdsInUse(tx, await sealedTables(tx));
        const m: Manifest = {
          format: 'linli-backup',
          version: 1,
          createdAt: new Date().toISOString(),
          server: { version: version.text, major: version.major },
          engine: tool ? { kind: 'pg_dump', major: tool.major } : { kind: 'builtin' },
          migrations: await appliedMigrations(tx),
          tables: await tableSums(tx, tables),
          sequences: await sequenceValues(tx),
          attachments: [],
          keys: { current: opts.keys.current.id.toString('hex'), sealedWith: [...sealed.keys()].sort() },
        };
        if (!tool) await dumpTables(tx, tables, path.join(scratch.dir, 'data'));
        else {
          const [snap] = await rowsOf<{ id: string }>(tx, sql`SELECT pg_export_snapshot() AS id`);
          await runTool(
            tool,
            ['--format=custom', `--snapshot=${snap!.id}`, '--no-owner', '--no-privileges', '--file', path.join(scratch.dir, 'db.dump')],
            opts.url,
          );
        }
        return m;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const attachments = path.join(opts.dataDir, 'attachments');
    if (fs.existsSync(attachments)) await fs.promises.cp(attachments, path.join(scratch.dir, 'attachments'), { recursive: true });
    manifest.attachments = await fileSums(path.join(scratch.dir, 'attachments'));
    await fs.promises.writeFile(path.join(scratch.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    await fs.promises.mkdir(path.dirname(path.resolve(opts.file)), { recursive: true });
    await packDir(scratch.dir, opts.file);
    return manifest;
  } finally {
    await scratch.done();
  }
}
