import type { Db } from '../db/pool.js';

export type CliIo = {
  db: Db;
  log: (line: string) => void;
  dataDir: string;
  /** the database's URL (for pg_dump / pg_restore) */
  url?: string;
  /** how many connections this process's pool holds open */
  connections?: () => number;
};

/** One `npm run linli -- <name>` command; `run` answers the process exit code. */
export type CliCommand = { name: string; summary: string; run: (args: string[], io: CliIo) => Promise<number> };

/** Parses `--key value` and `--flag` arguments. */
export function parseFlags(args: string[]): { flags: Record<string, string | true>; rest: string[] } {
  const flags: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) rest.push(a);
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) flags[a.slice(2)] = args[++i]!;
    else flags[a.slice(2)] = true;
  }
  return { flags, rest };
}

/** The parsed arguments, or null when `--help` asked for `help` (printed). */
export function flagsOrHelp(args: string[], io: Pick<CliIo, 'log'>, help: string): ReturnType<typeof parseFlags> | null {
  const parsed = parseFlags(args);
  if (!parsed.flags.help) return parsed;
  io.log(help);
  return null;
}
