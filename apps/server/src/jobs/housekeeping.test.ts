import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Storage } from '../core/storage.js';
import { newStorageKey } from '../core/storage.js';
import { attachments, jobRuns } from '../db/schema/index.js';
import { buildCommunityTree, buildUser, useTestDb } from '../testing/index.js';
import { HOUSEKEEPING_JOB, runHousekeepingPass, startHousekeeping } from './housekeeping.js';

const t = useTestDb();

/** Storage whose files cannot be removed, as on a disk gone read-only. */
const brokenStorage: Storage = {
  put: async () => undefined,
  get: async () => null,
  remove: async () => {
    throw new Error('EROFS: read-only file system');
  },
};

async function oldUpload(): Promise<string> {
  const tree = await buildCommunityTree(t.db);
  const owner = await buildUser(t.db, 'resident', { areaId: tree.building.id });
  const [row] = await t.db
    .insert(attachments)
    .values({
      ownerId: owner.id,
      name: 'p.jpg',
      contentType: 'image/jpeg',
      size: 3,
      storageKey: newStorageKey(),
      createdAt: new Date(Date.now() - 48 * 3_600_000),
    })
    .returning();
  return row!.id;
}

describe('housekeeping', () => {
  it('sweeps and records its pass in job_runs', async () => {
    const stop = startHousekeeping(t.db, { log: () => undefined, everyMs: 3_600_000 });
    let row: typeof jobRuns.$inferSelect | undefined;
    for (let i = 0; i < 200 && !row; i++) {
      await new Promise((r) => setTimeout(r, 20));
      [row] = await t.db.select().from(jobRuns).where(eq(jobRuns.name, HOUSEKEEPING_JOB));
    }
    await stop();
    expect(row!.lastResult).toEqual({ sessions: 'done', loginFailures: 'done' });
  });

  it('a failing sweep fails the pass, which is logged and recorded in job_runs, while the other sweeps still run', async () => {
    await oldUpload();
    await expect(runHousekeepingPass(t.db, { storage: brokenStorage }, new Date())).rejects.toThrow(/attachments: EROFS/);
    await oldUpload();
    const logs: string[] = [];
    const stop = startHousekeeping(t.db, { storage: brokenStorage, log: (m) => logs.push(m), everyMs: 3_600_000 });
    let row: typeof jobRuns.$inferSelect | undefined;
    for (let i = 0; i < 200 && !row?.lastResult.error; i++) {
      await new Promise((r) => setTimeout(r, 20));
      [row] = await t.db.select().from(jobRuns).where(eq(jobRuns.name, HOUSEKEEPING_JOB));
    }
    await stop();
    expect(row!.lastResult).toEqual({
      sessions: 'done',
      loginFailures: 'done',
      error: 'sweep failed (attachments: EROFS: read-only file system)',
    });
    expect(logs[0]).toBe('job housekeeping failed: sweep failed (attachments: EROFS: read-only file system)');
  });
});
