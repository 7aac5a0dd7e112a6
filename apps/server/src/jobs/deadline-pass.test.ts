import { escalationFor } from '@linli/contracts';
import { asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderEvents, orders } from '../db/schema/index.js';
import { type ServiceRow, type Tree, buildCommunityTree, buildOrderRow, buildService, useTestDb } from '../testing/index.js';
import { runDeadlinePass } from './deadline-pass.js';

const t = useTestDb();
const MIN = 60_000;
const HOUR = 60 * MIN;
let tree: Tree;
let service: ServiceRow;
let clock = Date.parse('2031-03-03T02:00:00Z');

/** Each test runs at its own `now`, far from the others, so earlier tests' orders never match. */
function nextNow(): Date {
  clock += 30 * 24 * HOUR;
  return new Date(clock);
}

const order = (now: Date, startMinAgo: number, dueMinFromNow: number, over: Parameters<typeof buildOrderRow>[3] = {}) =>
  buildOrderRow(t.db, service, tree.building, {
    status: 'accepted',
    stageStartedAt: new Date(now.getTime() - startMinAgo * MIN),
    stageDueAt: new Date(now.getTime() + dueMinFromNow * MIN),
    ...over,
  });

const eventsOf = (ids: string[]) => t.db.select().from(orderEvents).where(inArray(orderEvents.orderId, ids)).orderBy(asc(orderEvents.id));
const rowOf = async (id: string) => (await t.db.select().from(orders).where(eq(orders.id, id)))[0]!;

beforeAll(async () => {
  tree = await buildCommunityTree(t.db);
  service = await buildService(t.db, tree.street);
});

describe('deadline pass', () => {
  it('reminds once after 80 % of the stage, only before the deadline', async () => {
    const now = nextNow();
    const due = await order(now, 9 * 60, 60);
    const early = await order(now, 60, 9 * 60);
    const r = await runDeadlinePass(t.db, now);
    expect(r).toMatchObject({ reminded: 1, overdue: 0, escalated: 0 });
    const events = await eventsOf([due.id, early.id]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ orderId: due.id, kind: 'reminder', internal: true, actorId: null, notifiedAt: null });
    expect(events[0]!.details).toMatchObject({ stage: 'handle' });
    expect((await rowOf(due.id)).remindedAt).toEqual(now);
    expect(await runDeadlinePass(t.db, now)).toEqual({ reminded: 0, overdue: 0, escalated: 0 });
  });

  it('marks an overdue order at level 1 (grid) with overdue_since at its deadline', async () => {
    const now = nextNow();
    const late = await order(now, 5 * 60, -10);
    await runDeadlinePass(t.db, now);
    const row = await rowOf(late.id);
    expect(row.overdueSince).toEqual(late.stageDueAt);
    expect(row.escalationLevel).toBe(1);
    const events = await eventsOf([late.id]);
    expect(events.map((e) => e.kind)).toEqual(['overdue']);
    expect(events[0]).toMatchObject({ internal: false, details: { stage: 'handle', level: 'grid' } });
  });

  it('escalates through every rung crossed, up to the street, and never twice', async () => {
    const now = nextNow();
    const veryLate = await order(now, 4 * 60, -3 * 60);
    await runDeadlinePass(t.db, now);
    const events = await eventsOf([veryLate.id]);
    expect(events.map((e) => [e.kind, e.details.level])).toEqual([
      ['overdue', 'grid'],
      ['escalate', 'community'],
      ['escalate', 'street'],
    ]);
    expect((await rowOf(veryLate.id)).escalationLevel).toBe(3);
    await runDeadlinePass(t.db, new Date(now.getTime() + 48 * HOUR));
    expect(await eventsOf([veryLate.id])).toHaveLength(3);
  });

  it('leaves closed, suspended and unclocked orders alone', async () => {
    const now = nextNow();
    const closed = await order(now, 5 * 60, -60, { status: 'closed' });
    const suspended = await order(now, 5 * 60, -60, { status: 'suspended' });
    const unclocked = await order(now, 5 * 60, 0, { stageDueAt: null });
    await runDeadlinePass(t.db, now);
    expect(await eventsOf([closed.id, suspended.id, unclocked.id])).toEqual([]);
  });

  it('gives the level escalationFor gives, for stages of every length', async () => {
    const now = nextNow();
    const cases = [
      [30, 5],
      [30, 59],
      [30, 61],
      [30, 179],
      [30, 181],
      [10 * 60, 299],
      [10 * 60, 301],
      [10 * 60, 899],
      [10 * 60, 901],
      [7 * 24 * 60, 84 * 60 + 1],
    ] as const;
    const rows = await Promise.all(cases.map(([window, late]) => order(now, window + late, -late)));
    await runDeadlinePass(t.db, now);
    for (const [i, row] of rows.entries()) {
      const [window] = cases[i]!;
      expect((await rowOf(row.id)).escalationLevel, `window ${window} late ${cases[i]![1]}`).toBe(
        escalationFor(row.stageDueAt!, window, now),
      );
    }
  });

  it('two passes at once on one database write each event once', async () => {
    const now = nextNow();
    const many = await Promise.all(Array.from({ length: 30 }, (_, i) => order(now, 10 * 60, i % 2 ? -30 : 90)));
    const [a, b] = await Promise.all([runDeadlinePass(t.db, now), runDeadlinePass(t.db, now)]);
    const results = [a, b].filter((r) => r !== null);
    expect(results.length).toBeGreaterThanOrEqual(1);
    const events = await eventsOf(many.map((o) => o.id));
    expect(events).toHaveLength(30);
    expect(new Set(events.map((e) => `${e.orderId}/${e.kind}`)).size).toBe(30);
  });

  it('carries on after a restart: a later pass escalates what an earlier one marked overdue', async () => {
    const now = nextNow();
    const late = await order(now, 120, -1);
    await runDeadlinePass(t.db, now);
    expect((await rowOf(late.id)).escalationLevel).toBe(1);
    // a new process: nothing but the database is shared with the first pass
    const later = new Date(now.getTime() + 65 * MIN);
    await runDeadlinePass(t.db, later);
    expect((await eventsOf([late.id])).map((e) => e.kind)).toEqual(['overdue', 'escalate']);
  });
});
