import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ROLE_LABELS } from '@linli/contracts';
import type { Pii } from '../core/pii.js';
import type { Db } from '../db/pool.js';
import { isDatabaseEmpty, seedDemo } from '../seed/index.js';

export type SeedDemoIo = { db: Db; pii: Pii; log: (msg: string) => void };

export const name = 'seed-demo';
export const summary = 'Seed the demo communities (Anping, Green Yangyuan) and one user per role into an empty database';

/** `seed-demo [--password <pw>] [--seed <n>]`; the password defaults to LINLI_DEMO_PASSWORD or a random one, printed once. */
export async function run(args: string[], io: SeedDemoIo): Promise<number> {
  const { values } = parseArgs({ args, options: { password: { type: 'string' }, seed: { type: 'string' } }, strict: true });
  if (!(await isDatabaseEmpty(io.db))) {
    io.log('The database is not empty: seed-demo only seeds an empty database. Nothing was changed.');
    return 1;
  }
  const given = values.password || process.env.LINLI_DEMO_PASSWORD;
  const password = given || randomBytes(9).toString('base64url');
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) {
    io.log(`--seed must be an integer, not "${values.seed}"`);
    return 2;
  }
  const result = await seedDemo({ db: io.db, pii: io.pii, password, log: io.log, seed });
  io.log(`Demo users (password: ${given ? 'as given' : password}):`);
  for (const u of result.users) io.log(`  ${u.username.padEnd(14)} ${ROLE_LABELS[u.role]['zh-CN']} · ${u.scopeName}`);
  return 0;
}

export default { name, summary, run };
