import { COMMANDS } from './cli/commands.js';
import { loadConfig } from './config.js';
import { StartupError } from './db/embedded.js';
import { openConfiguredDatabase } from './db/open.js';

const log = (line: string) => process.stdout.write(`${line}\n`);

function usage(): number {
  log('Usage: npm run linli -- <command> [options]\n');
  for (const c of COMMANDS) log(`  ${c.name.padEnd(16)} ${c.summary}`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return usage();
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, (m) => process.stderr.write(`${m}\n`), { beside: true });
  try {
    const io = { db: database.db, log, dataDir: config.dataDir, url: database.url, connections: () => database.pool.totalCount };
    return await command.run(args, io);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(e instanceof StartupError ? `${e.message}\n` : `${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
