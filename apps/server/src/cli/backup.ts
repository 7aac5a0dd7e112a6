import { type PiiKeys, loadPiiKeys, parsePreviousKeys } from '../core/pii.js';
import { type Engine, OpsRefusal, backupTo } from '../ops/backup.js';
import { type CliCommand, type CliIo, flagsOrHelp } from './command.js';

export type OpsIo = Pick<CliIo, 'db' | 'log' | 'dataDir' | 'url' | 'connections'> & { keys?: PiiKeys; env?: NodeJS.ProcessEnv };

const HELP = `Usage: npm run linli -- backup <file> [--engine auto|pg_dump|builtin]
Writes one archive (tar.gz, readable by you only) holding the database, the attachments and a manifest with
versions, row counts and checksums. The database is dumped with pg_dump of the server's own major version when
this machine has one (LINLI_PG_BIN, /usr/lib/postgresql/<major>/bin, /usr/pgsql-<major>/bin, PATH), else with
the built-in dump (the bundled PostgreSQL ships no pg_dump). The servers may keep running: one snapshot is read.
The archive does NOT hold the secret key: without it the ID numbers and phones in it cannot be read.`;

/** The keys this installation uses, as the server loads them. */
export function keysOf(io: OpsIo): PiiKeys {
  const env = io.env ?? process.env;
  return (
    io.keys ??
    loadPiiKeys({ secretKey: env.LINLI_SECRET_KEY, previousKeys: parsePreviousKeys(env.LINLI_SECRET_KEY_PREVIOUS), dataDir: io.dataDir })
  );
}

/** Runs an ops step: a refusal is explained (exit 1), anything else is thrown. */
export async function explained(io: Pick<CliIo, 'log'>, step: () => Promise<number>): Promise<number> {
  try {
    return await step();
  } catch (e) {
    if (!(e instanceof OpsRefusal)) throw e;
    io.log(e.message);
    return 1;
  }
}

/**
 * The one file argument and the flags of an ops command; a number is the exit code to answer at once (0 after
 * --help, 2 with the usage after bad arguments).
 */
export function fileAndFlags(
  args: string[],
  io: OpsIo,
  help: string,
  known: string[],
): { file: string; flags: Record<string, string | true> } | number {
  const parsed = flagsOrHelp(args, io, help);
  if (!parsed) return 0;
  const unknown = Object.keys(parsed.flags).filter((f) => !known.includes(f));
  if (parsed.rest.length === 1 && unknown.length === 0 && io.url) return { file: parsed.rest[0]!, flags: parsed.flags };
  io.log(`${unknown.length ? `Unknown argument: --${unknown.join(' --')}\n\n` : ''}${help}`);
  return 2;
}

export async function backupCli(args: string[], io: OpsIo): Promise<number> {
  const parsed = fileAndFlags(args, io, HELP, ['engine']);
  if (typeof parsed === 'number') return parsed;
  const engine = (parsed.flags.engine ?? 'auto') as Engine;
  if (!['auto', 'pg_dump', 'builtin'].includes(engine)) {
    io.log(`Bad value for --engine\n\n${HELP}`);
    return 2;
  }
  const keys = keysOf(io);
  const file = parsed.file;
  return explained(io, async () => {
    const m = await backupTo({ db: io.db, url: io.url!, dataDir: io.dataDir, keys, file, engine, log: io.log, env: io.env });
    const rows = Object.values(m.tables).reduce((a, t) => a + t.rows, 0);
    io.log(`Backup written to ${file}: ${Object.keys(m.tables).length} tables, ${rows} rows, ${m.attachments.length} attachments.`);
    io.log(
      `Remember the secret key: the personal data in this backup is sealed with key id ${m.keys.sealedWith.join(', ') || m.keys.current}. ` +
        `Keep LINLI_SECRET_KEY (or ${io.dataDir}/secret.key) safe and apart from the backup; without it a restore cannot read ID numbers and phones.`,
    );
    return 0;
  });
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Write the database, the attachments and a checked manifest into one archive',
  run: (args, io) => backupCli(args, io),
};
