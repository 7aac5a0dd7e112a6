import { ROLE_LABELS } from '@linli/contracts';
import type { AppDeps } from './app.js';
import { type Config, DEFAULT_DEMO_OPEN311_KEY, DEFAULT_DEMO_PASSWORD } from './config.js';
import { type Pii, createPii, loadPiiKeys, parsePreviousKeys } from './core/pii.js';
import { withStartupLock } from './db/migrate.js';
import type { Database } from './db/pool.js';
import { inArray } from 'drizzle-orm';
import { users } from './db/schema/index.js';
import { DEMO_USERNAMES, isDatabaseEmpty, seedDemo } from './seed/index.js';

export function piiFromConfig(config: Config): Pii {
  return createPii(
    loadPiiKeys({ secretKey: config.secretKey, previousKeys: parsePreviousKeys(config.previousSecretKeys), dataDir: config.dataDir }),
  );
}

/**
 * On an empty database: seeds the demo and prints its users, or (LINLI_DEMO=off) explains how to
 * create the first admin. On later starts prints the demo users again while they still exist. Runs under the
 * startup lock: of several servers starting on one empty database, one seeds, the others wait and go on.
 */
export async function prepareDemo(database: Database, config: Config, say: (m: string) => void): Promise<Pick<AppDeps, 'pii'>> {
  const pii = piiFromConfig(config);
  const wait = () => say('Another server is migrating or seeding this database: waiting for it');
  await withStartupLock(database.pool, () => seedIfEmpty(database, config, pii, say), wait);
  return { pii };
}

async function seedIfEmpty(database: Database, config: Config, pii: Pii, say: (m: string) => void): Promise<void> {
  const empty = await isDatabaseEmpty(database.db);
  if (empty && !config.demo) {
    say('The database is empty (LINLI_DEMO=off). Create the first administrator with:');
    say('  npm run linli -- create-admin --username admin');
    return;
  }
  if (!empty) {
    const present = await database.db.select({ username: users.username }).from(users).where(inArray(users.username, DEMO_USERNAMES));
    if (present.length > 0) {
      const names = DEMO_USERNAMES.filter((n) => present.some((p) => p.username === n));
      say(
        `Demo users: ${names.join(', ')} (password: ${config.demoPassword ? 'from LINLI_DEMO_PASSWORD' : `${DEFAULT_DEMO_PASSWORD}, unless LINLI_DEMO_PASSWORD was set when the demo was seeded`})`,
      );
      say(
        `Open311 demo key (绿扬新苑社区): ${config.demoOpen311Key ? 'from LINLI_DEMO_OPEN311_KEY' : `${DEFAULT_DEMO_OPEN311_KEY}, unless LINLI_DEMO_OPEN311_KEY was set when the demo was seeded`}`,
      );
    }
    return;
  }
  const password = config.demoPassword ?? DEFAULT_DEMO_PASSWORD;
  const open311Key = config.demoOpen311Key ?? DEFAULT_DEMO_OPEN311_KEY;
  const result = await seedDemo({ db: database.db, pii, password, open311Key, log: (m) => say(m) });
  say(
    `Demo seeded: ${result.counts.communities} communities, ${result.counts.buildings} buildings, ${result.counts.households} households, ${result.counts.residents} residents`,
  );
  say(`Demo users (password: ${config.demoPassword ? 'from LINLI_DEMO_PASSWORD' : password}):`);
  for (const u of result.users)
    say(`  ${u.username.padEnd(14)} ${ROLE_LABELS[u.role]['zh-CN']} / ${ROLE_LABELS[u.role].en} · ${u.scopeName}`);
  say(`Open311 demo key (绿扬新苑社区): ${config.demoOpen311Key ? 'from LINLI_DEMO_OPEN311_KEY' : open311Key}`);
}
