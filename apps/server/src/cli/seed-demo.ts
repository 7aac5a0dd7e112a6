import { randomBytes } from 'node:crypto';
import { ROLE_LABELS } from '@linli/contracts';
import { DEFAULT_DEMO_OPEN311_KEY } from '../config.js';
import { type Pii, createPii, loadPiiKeys, parsePreviousKeys } from '../core/pii.js';
import { isDatabaseEmpty, seedDemo } from '../seed/index.js';
import { type CliCommand, type CliIo, parseFlags } from './command.js';

/** `pii` defaults to the keys of LINLI_SECRET_KEY (and _PREVIOUS) or `<dataDir>/secret.key`, as the server uses. */
export type SeedDemoIo = Pick<CliIo, 'db' | 'log' | 'dataDir'> & { pii?: Pii; env?: Record<string, string | undefined> };

const HELP = `Usage: npm run linli -- seed-demo [--password …] [--seed <integer>]
Seeds the two demo communities (安平社区, 绿扬新苑社区) with their residents and one user per role,
only into an empty database. The password of the demo users comes from --password, else
LINLI_DEMO_PASSWORD, else a generated one is printed once.`;

/** `seed-demo`: seeds an empty database; on a database that holds areas it changes nothing and answers 1. */
export async function seedDemoCli(args: string[], io: SeedDemoIo): Promise<number> {
  const { flags, rest } = parseFlags(args);
  const unknown = [...Object.keys(flags).filter((f) => !['password', 'seed', 'help'].includes(f)), ...rest];
  if (flags.help) {
    io.log(HELP);
    return 0;
  }
  const seed = typeof flags.seed === 'string' ? Number(flags.seed) : undefined;
  if (unknown.length > 0 || flags.password === true || flags.seed === true || (seed !== undefined && !Number.isInteger(seed))) {
    io.log(`${unknown.length > 0 ? `Unknown argument: ${unknown.join(' ')}` : 'Bad value for --password or --seed'}\n\n${HELP}`);
    return 2;
  }
  if (!(await isDatabaseEmpty(io.db))) {
    io.log('The database is not empty: seed-demo only seeds an empty database. Nothing was changed.');
    return 1;
  }
  const env = io.env ?? process.env;
  const pii =
    io.pii ??
    createPii(
      loadPiiKeys({ secretKey: env.LINLI_SECRET_KEY, previousKeys: parsePreviousKeys(env.LINLI_SECRET_KEY_PREVIOUS), dataDir: io.dataDir }),
    );
  const given = (typeof flags.password === 'string' ? flags.password : undefined) ?? env.LINLI_DEMO_PASSWORD;
  const password = given || randomBytes(12).toString('base64url');
  const open311Key = env.LINLI_DEMO_OPEN311_KEY || DEFAULT_DEMO_OPEN311_KEY;
  const result = await seedDemo({ db: io.db, pii, password, log: io.log, seed, open311Key });
  io.log(given ? 'Demo users (with the password given):' : `Demo users (generated password, shown only this once: ${password}):`);
  for (const u of result.users) io.log(`  ${u.username.padEnd(14)} ${ROLE_LABELS[u.role]['zh-CN']} · ${u.scopeName}`);
  io.log(`Open311 demo key (绿扬新苑社区): ${env.LINLI_DEMO_OPEN311_KEY ? 'from LINLI_DEMO_OPEN311_KEY' : open311Key}`);
  return 0;
}

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  summary: 'Seed the demo communities (Anping, Green Yangyuan) and one user per role into an empty database',
  run: (args, io) => seedDemoCli(args, io),
};
