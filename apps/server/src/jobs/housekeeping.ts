import type { Storage } from '../core/storage.js';
import { safeErrorMessage } from '../db/connection-errors.js';
import type { Db } from '../db/pool.js';
import { sweepAttachments } from '../modules/attachments/sweep.js';
import { sweepSessions } from '../modules/auth/repo-sessions.js';
import { sweepLoginFailures } from '../modules/auth/throttle.js';
import { sweepImportUploads } from '../modules/imports/stored-files.js';
import { type JobResult, JobFailure, startJobRunner } from './runner.js';

export const HOUSEKEEPING_JOB = 'housekeeping';

export type HousekeepingOptions = {
  /** where attachments are kept; without it unused uploads are not swept */
  storage?: Storage;
  /** the server's data directory; without it uploaded registers (`<dataDir>/imports`) are not swept */
  dataDir?: string;
  log: (msg: string) => void;
  everyMs?: number;
};

type Sweep = { name: string; run: (now: Date) => Promise<unknown> };

function sweepsOf(db: Db, opts: Pick<HousekeepingOptions, 'storage' | 'dataDir'>): Sweep[] {
  const { storage, dataDir } = opts;
  return [
    { name: 'sessions', run: (now) => sweepSessions(db, now) },
    { name: 'loginFailures', run: (now) => sweepLoginFailures(db, now) },
    ...(storage ? [{ name: 'attachments', run: (now: Date) => sweepAttachments(db, storage, now) }] : []),
    ...(dataDir ? [{ name: 'importUploads', run: (now: Date) => sweepImportUploads(db, dataDir, now) }] : []),
  ];
}

/**
 * One clean-up pass: expired sessions, old sign-in failures, unused uploads and registers. Every sweep runs even when another
 * fails; a failure fails the pass, which the runner logs and keeps in job_runs with what the other sweeps did.
 */
export async function runHousekeepingPass(db: Db, opts: Pick<HousekeepingOptions, 'storage' | 'dataDir'>, now: Date): Promise<JobResult> {
  const sweeps = sweepsOf(db, opts);
  const settled = await Promise.allSettled(sweeps.map((s) => s.run(now)));
  const result: JobResult = {};
  const failed: string[] = [];
  settled.forEach((s, i) => {
    const { name } = sweeps[i]!;
    if (s.status === 'fulfilled') result[name] = s.value ?? 'done';
    else failed.push(`${name}: ${safeErrorMessage(s.reason)}`);
  });
  if (failed.length > 0) throw new JobFailure(`sweep failed (${failed.join('; ')})`, result);
  return result;
}

/** Periodic clean-up as a job of its own (recorded in job_runs); returns a stop function that waits for a pass under way. */
export function startHousekeeping(db: Db, opts: HousekeepingOptions): () => Promise<void> {
  const job = { name: HOUSEKEEPING_JOB, everyMs: opts.everyMs ?? 10 * 60_000, pass: (now: Date) => runHousekeepingPass(db, opts, now) };
  return startJobRunner(db, [job], opts.log).stop;
}
