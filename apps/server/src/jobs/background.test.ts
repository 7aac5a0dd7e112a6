import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobRuns, notifications } from '../db/schema/index.js';
import { appendOrderEvent } from '../modules/orders/repo-events.js';
import { buildCommunityTree, buildOrderRow, buildService, buildUser, testPii, useTestDb } from '../testing/index.js';
import { startBackgroundJobs } from './index.js';

const t = useTestDb();

describe('background jobs', () => {
  it('start, dispatch a new order event to the desk as soon as it is written, and stop', async () => {
    const tree = await buildCommunityTree(t.db);
    const service = await buildService(t.db, tree.street);
    const desk = await buildUser(t.db, 'community_staff', { areaId: tree.community.id });
    const order = await buildOrderRow(t.db, service, tree.building);
    const logs: string[] = [];
    const stop = startBackgroundJobs(t, testPii, { smtpUrl: undefined, smtpFrom: 'x@y', deadlineIntervalMs: 3_600_000 }, (m) =>
      logs.push(m),
    );
    try {
      // the first outbox pass runs at start; the event written after it reaches the desk through the NOTIFY wake-up
      for (let i = 0; i < 100 && (await t.db.select().from(jobRuns).where(eq(jobRuns.name, 'outbox'))).length === 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      const id = await appendOrderEvent(t.db, order, { kind: 'place' });
      let found = 0;
      for (let i = 0; i < 200 && found === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        found = (await t.db.select().from(notifications).where(eq(notifications.eventId, id))).length;
      }
      expect(found).toBe(1);
      expect((await t.db.select().from(notifications).where(eq(notifications.userId, desk.id))).length).toBe(1);
    } finally {
      await stop();
    }
    expect(logs).toEqual([]);
    const names = (await t.db.select({ name: jobRuns.name }).from(jobRuns)).map((r) => r.name).sort();
    expect(names).toEqual(['deadline', 'figure-rollup', 'mediation', 'outbox', 'registry-rollup', 'residentMasks', 'webhooks']);
  });
});
