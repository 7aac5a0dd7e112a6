import type { Storage } from '../../core/storage.js';
import type { Db } from '../../db/pool.js';
import { unclaimedWindowStart } from './limits.js';
import { deleteUnclaimedBefore } from './repo.js';

const BATCH = 500;

/** Deletes uploads that no order used within 24 hours, rows first, then their files; returns how many went. */
export async function sweepAttachments(db: Db, storage: Storage, now: Date): Promise<number> {
  const before = unclaimedWindowStart(now);
  let total = 0;
  for (;;) {
    const keys = await deleteUnclaimedBefore(db, before, BATCH);
    for (const key of keys) await storage.remove(key);
    total += keys.length;
    if (keys.length < BATCH) return total;
  }
}
