import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A private scratch directory (0700: it holds personal data), removed by `done`. */
export async function scratchDir(): Promise<{ dir: string; done: () => Promise<void> }> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'linli-backup-'));
  await fs.promises.chmod(dir, 0o700);
  return { dir, done: () => fs.promises.rm(dir, { recursive: true, force: true }) };
}

/** Packs `dir` into the gzipped tar `file` (mode 0600), written beside it first and renamed when complete. */
export async function packDir(dir: string, file: string): Promise<void> {
  const partial = `${file}.partial`;
  await run('tar', ['-czf', partial, '-C', dir, '.']);
  await fs.promises.chmod(partial, 0o600);
  await fs.promises.rename(partial, file);
}

export async function unpackTo(file: string, dir: string): Promise<void> {
  await run('tar', ['-xzf', file, '-C', dir, '--no-same-owner']);
}
