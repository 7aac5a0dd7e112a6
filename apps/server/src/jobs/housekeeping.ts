import type { Db } from '../db/pool.js';
import { sweepSessions } from '../modules/auth/session-repo.js';
import { sweepLoginFailures } from '../modules/auth/throttle.js';
import type { Storage } from '../core/storage.js';
import { sweepAttachments } from '../modules/attachments/sweep.js';

/** Periodic clean-up of expired sessions and old sign-in failures; returns a stop function. */
export function startHousekeeping(db: Db, everyMs = 10 * 60_000, storage?: Storage): () => void {
  const run = () => {
    Promise.all([sweepSessions(db), sweepLoginFailures(db), storage && sweepAttachments(db, storage, new Date())]).catch(() => undefined);
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
