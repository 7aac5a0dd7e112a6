import { type PiiKeys, loadPiiKeys, parsePreviousKeys } from '../core/pii.js';
import { rekeyAll } from '../ops/rekey.js';
import { type CliCommand, type CliIo, flagsOrHelp } from './command.js';

export type RekeyIo = Pick<CliIo, 'db' | 'log' | 'dataDir'> & { keys?: PiiKeys; env?: Record<string, string | undefined> };

const HELP = `Usage: npm run linli -- rekey [--batch <rows>]
After a key rotation (the new secret in LINLI_SECRET_KEY, the old ones in LINLI_SECRET_KEY_PREVIOUS), re-encrypts
every sealed value (ID numbers, phones, webhook secrets) with the current key and recomputes the lookup hashes, in
batches of --batch rows (default 500), one transaction each, while the servers keep running. Run it again after an
interruption: values already under the current key are skipped. It ends by naming the old key ids still in use;
when none is, LINLI_SECRET_KEY_PREVIOUS can be emptied.`;

/** `rekey`: 0 when no value is left under an old key, 1 when some are (unreadable: a previous key is missing), 2 on bad arguments. */
export async function rekeyCli(args: string[], io: RekeyIo): Promise<number> {
  const parsed = flagsOrHelp(args, io, HELP);
  if (!parsed) return 0;
  const { flags, rest } = parsed;
  const batch = flags.batch === undefined ? 500 : typeof flags.batch === 'string' ? Number(flags.batch) : NaN;
  const unknown = [...Object.keys(flags).filter((f) => f !== 'batch'), ...rest];
  if (unknown.length > 0 || !Number.isInteger(batch) || batch < 1) {
    io.log(`${unknown.length > 0 ? `Unknown argument: ${unknown.join(' ')}` : 'Bad value for --batch'}\n\n${HELP}`);
    return 2;
  }
  const env = io.env ?? process.env;
  const keys =
    io.keys ??
    loadPiiKeys({ secretKey: env.LINLI_SECRET_KEY, previousKeys: parsePreviousKeys(env.LINLI_SECRET_KEY_PREVIOUS), dataDir: io.dataDir });
  io.log(
    `Current key id: ${keys.current.id.toString('hex')}; previous key ids: ${keys.previous.map((k) => k.id.toString('hex')).join(', ') || 'none'}`,
  );
  const report = await rekeyAll(io.db, keys, { batch, log: io.log });
  const total = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
  io.log(`Re-encrypted ${total(report.rekeyed)} values, recomputed ${total(report.rehashed)} lookup hashes.`);
  for (const [where, n] of Object.entries(report.rekeyed)) io.log(`  ${where}: ${n}`);
  if (total(report.unreadable) > 0) {
    io.log(`${total(report.unreadable)} values could not be opened with any loaded key (add their secret to LINLI_SECRET_KEY_PREVIOUS):`);
    for (const [where, n] of Object.entries(report.unreadable)) io.log(`  ${where}: ${n}`);
  }
  const old = Object.entries(report.oldKeysInUse);
  if (old.length === 0) {
    io.log('No value is sealed with an old key any more: LINLI_SECRET_KEY_PREVIOUS can be emptied.');
    return 0;
  }
  io.log('Old key ids still in use:');
  for (const [keyId, where] of old)
    io.log(
      `  ${keyId}: ${Object.entries(where)
        .map(([w, n]) => `${w} ${n}`)
        .join(', ')}`,
    );
  return 1;
}

export const rekeyCommand: CliCommand = {
  name: 'rekey',
  summary: 'Re-encrypt every sealed value with the current key after a rotation (LINLI_SECRET_KEY_PREVIOUS)',
  run: (args, io) => rekeyCli(args, io),
};
