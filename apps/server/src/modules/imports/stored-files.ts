import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/pool.js';
import { fileProblemReport } from './job-state.js';
import { expireIdleJobs, storedNamesInUse } from './repo.js';

/** Where registers wait for their import: `<dataDir>/imports`, each file readable by the server's user only. */
export const importsDir = (dataDir: string) => path.join(dataDir, 'imports');

/** The stored file of an import job. */
export const storedPath = (dir: string, storedName: string) => path.join(dir, path.basename(storedName));

export async function storedFileExists(dir: string, storedName: string): Promise<boolean> {
  return fs.promises.access(storedPath(dir, storedName)).then(
    () => true,
    () => false,
  );
}

/** How long an unfinished import keeps its uploaded register after its last step. */
export const UPLOAD_TTL_MS = 24 * 60 * 60_000;

/** Removes an import's stored register; a failure is logged and left to the sweep. */
export async function removeStoredFile(dir: string, storedName: string, log: (e: unknown) => void): Promise<void> {
  await fs.promises.rm(storedPath(dir, storedName), { force: true }).catch(log);
}

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Expires imports left unfinished for a day (failed: "upload it again") and removes their registers, then every
 * stored register older than a day that no job can still use (committed, failed a day ago, or never made a job).
 */
export async function sweepImportUploads(db: Db, dataDir: string, now: Date): Promise<{ expired: number; removed: number }> {
  const dir = importsDir(dataDir);
  const before = new Date(now.getTime() - UPLOAD_TTL_MS);
  const expired = await expireIdleJobs(db, before, fileProblemReport(0, 'expired'));
  for (const name of expired) await fs.promises.rm(storedPath(dir, name), { force: true });
  const inUse = await storedNamesInUse(db, before);
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch (e) {
    if (isMissing(e)) return { expired: expired.length, removed: expired.length };
    throw e;
  }
  let removed = expired.length;
  for (const name of names.filter((n) => !inUse.has(n))) {
    const file = path.join(dir, name);
    const stat = await fs.promises.lstat(file).catch((e: unknown) => {
      if (isMissing(e)) return null;
      throw e;
    });
    if (!stat?.isFile() || stat.mtime >= before) continue;
    await fs.promises.rm(file, { force: true });
    removed++;
  }
  return { expired: expired.length, removed };
}
