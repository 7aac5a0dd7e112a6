import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest directory at or above `from` holding `marker`. */
function findUp(from: string, marker: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, marker))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no ${marker} above ${from}`);
  }
}

/**
 * apps/server, found from this module's own place: src/ when run from source (tsx, tests), dist/ when run as the
 * compiled bundle (`npm start`), where every module shares main.js's URL, so fixed `../..` paths would break.
 */
export const SERVER_DIR = findUp(path.dirname(fileURLToPath(import.meta.url)), 'package.json');
export const REPO_ROOT = path.resolve(SERVER_DIR, '../..');
export const MIGRATIONS_DIR = path.join(SERVER_DIR, 'drizzle');
