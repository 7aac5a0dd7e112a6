import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Fails when drizzle-kit generate would produce a migration that is not committed.
const serverDir = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-migrations-'));
fs.cpSync(path.join(serverDir, 'drizzle'), tmp, { recursive: true });
const before = fs.readdirSync(tmp).length;
const r = spawnSync(
  process.execPath,
  [
    path.join(serverDir, '../../node_modules/drizzle-kit/bin.cjs'),
    'generate',
    '--dialect',
    'postgresql',
    '--schema',
    './src/db/schema/index.ts',
    '--out',
    path.relative(serverDir, tmp),
  ],
  { cwd: serverDir, encoding: 'utf8' },
);
const after = fs.readdirSync(tmp).length;
fs.rmSync(tmp, { recursive: true, force: true });
if (r.status !== 0) {
  process.stderr.write(r.stdout + r.stderr);
  process.exit(1);
}
if (after !== before || !/No schema changes/.test(r.stdout + r.stderr)) {
  process.stderr.write(r.stdout + r.stderr);
  process.stderr.write('The Drizzle schema has changes without a migration: run `npm run db:generate` and commit the SQL.\n');
  process.exit(1);
}
process.stdout.write('Migrations match the schema.\n');
