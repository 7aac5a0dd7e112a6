import { sql } from 'drizzle-orm';
import type { Storage } from '../../core/storage.js';
import type { Db } from '../../db/pool.js';
import { unclaimedWindowStart } from './limits.js';

const BATCH = 500;

/** Deletes uploads that no order used within 24 hours, rows first, then their files; returns how many went. */
export async function sweepAttachments(db: Db, storage: Storage, now: Date): Promise<number> {
  const before = unclaimedWindowStart(now).toISOString();
  let total = 0;
  for (;;) {
    const { rows } = await db.execute<{ storage_key: string }>(sql`
      DELETE FROM attachments WHERE id IN (
        SELECT id FROM attachments WHERE order_id IS NULL AND created_at < ${before} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
      ) RETURNING storage_key`);
    for (const r of rows) await storage.remove(r.storage_key);
    total += rows.length;
    if (rows.length < BATCH) return total;
  }
}
