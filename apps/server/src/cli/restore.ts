import { restoreFrom } from '../ops/restore.js';
import { type OpsIo, explained, fileAndFlags, keysOf } from './backup.js';
import type { CliCommand } from './command.js';

const HELP = `Usage: npm run linli -- restore <file> [--force]
Restores an archive of \`backup\` into this installation's database and attachments, then checks every row count
and checksum against the archive's manifest (the built-in dump's restore is one transaction: a mismatch changes
nothing). Stop the servers first. The database must be empty (a new one, migrated) and the attachments directory
too, unless --force, which replaces them. The secret key the data was sealed with must be in place.`;

export async function restoreCli(args: string[], io: OpsIo): Promise<number> {
  const parsed = fileAndFlags(args, io, HELP, ['force']);
  if (typeof parsed === 'number') return parsed;
  const { file, flags } = parsed;
  const keys = keysOf(io);
  return explained(io, async () => {
    const m = await restoreFrom({
      db: io.db,
      url: io.url!,
      dataDir: io.dataDir,
      keys,
      file,
      force: flags.force === true,
      ownConnections: io.connections?.(),
      log: io.log,
      env: io.env,
    });
    const rows = Object.values(m.tables).reduce((a, t) => a + t.rows, 0);
    io.log(
      `Restored ${file} (made ${m.createdAt} from PostgreSQL ${m.server.version}): ${Object.keys(m.tables).length} tables, ${rows} rows and ${m.attachments.length} attachments, every count and checksum as in its manifest.`,
    );
    return 0;
  });
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Restore an archive of `backup` into an empty database, checking its manifest',
  run: (args, io) => restoreCli(args, io),
};
