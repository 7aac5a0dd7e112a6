import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { fileStorage, newStorageKey } from '../../core/storage.js';
import { attachments } from '../../db/schema/index.js';
import { type OrderRow, type Tree, buildCommunityTree, buildOrderRow, buildService, buildUser, useTestDb } from '../../testing/index.js';
import { appendOrderEvent } from '../orders/repo-events.js';
import { attachmentsByEvent } from './by-event.js';
import { claimAttachments } from './claim.js';
import { sweepAttachments } from './sweep.js';
import { IMAGES, filesUnder } from './test-kit.js';

const t = useTestDb();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-att-'));
const storage = fileStorage(dir);

let tree: Tree;
let order: OrderRow;
let owner: string;
let other: string;

async function stored(ownerId: string, createdAt = new Date()) {
  const storageKey = newStorageKey();
  await storage.put(storageKey, IMAGES.jpeg);
  const [row] = await t.db
    .insert(attachments)
    .values({ ownerId, name: 'p.jpg', contentType: 'image/jpeg', size: IMAGES.jpeg.length, storageKey, createdAt })
    .returning();
  return row!;
}

const claim = (ids: string[], ownerId: string, eventId: number, locale?: 'en') =>
  t.db.transaction((tx) => claimAttachments(tx, { ids, ownerId, orderId: order.id, eventId }, locale));

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  tree = await buildCommunityTree(t.db);
  owner = (await buildUser(t.db, 'resident', { areaId: tree.building.id })).id;
  other = (await buildUser(t.db, 'resident', { areaId: tree.building.id })).id;
  order = await buildOrderRow(t.db, await buildService(t.db, tree.street), tree.building, { placedBy: owner });
});

describe('claimAttachments', () => {
  it('links the owner’s uploads to the order and event', async () => {
    const event = await appendOrderEvent(t.db, order, { kind: 'place' });
    const [a, b] = [await stored(owner), await stored(owner)];
    await claim([a.id, b.id, a.id], owner, event);
    const rows = await t.db.select().from(attachments).where(eq(attachments.orderId, order.id));
    expect(rows.map((r) => [r.id, r.eventId]).sort()).toEqual(
      [
        [a.id, event],
        [b.id, event],
      ].sort(),
    );
  });

  it('refuses another user’s upload on `attachmentIds`, claiming none of the list', async () => {
    const event = await appendOrderEvent(t.db, order, { kind: 'comment' });
    const mine = await stored(owner);
    const theirs = await stored(other);
    const e = await refusal(claim([mine.id, theirs.id], owner, event, 'en'));
    expect(e.code).toBe('VALIDATION');
    expect(e.details.issues).toEqual([{ path: 'attachmentIds', message: 'An attachment is unknown, not yours, or already used' }]);
    const [row] = await t.db.select().from(attachments).where(eq(attachments.id, mine.id));
    expect(row!.orderId).toBeNull();
  });

  it('refuses an unknown id and one already used', async () => {
    const event = await appendOrderEvent(t.db, order, { kind: 'comment' });
    expect((await refusal(claim([crypto.randomUUID()], owner, event))).details.issues?.[0]?.path).toBe('attachmentIds');
    const used = await stored(owner);
    await claim([used.id], owner, event);
    expect((await refusal(claim([used.id], owner, event))).details.issues?.[0]?.message).toBe('附件不存在、不属于你或已被使用');
  });
});

describe('attachmentsByEvent', () => {
  it('groups by event and leaves internal events out unless asked', async () => {
    const o = await buildOrderRow(t.db, await buildService(t.db, tree.street), tree.building);
    const open = await appendOrderEvent(t.db, o, { kind: 'handle' });
    const internal = await appendOrderEvent(t.db, o, { kind: 'comment', internal: true });
    const [a, b, c] = [await stored(owner), await stored(owner), await stored(owner)];
    await t.db.transaction(async (tx) => {
      await claimAttachments(tx, { ids: [a.id, b.id], ownerId: owner, orderId: o.id, eventId: open });
      await claimAttachments(tx, { ids: [c.id], ownerId: owner, orderId: o.id, eventId: internal });
    });
    const resident = await attachmentsByEvent(t.db, o.id, { includeInternal: false });
    expect([...resident.keys()]).toEqual([open]);
    expect(
      resident
        .get(open)!
        .map((x) => x.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(resident.get(open)![0]!.url).toMatch(/^\/api\/attachments\/[0-9a-f-]+\/content$/);
    const staff = await attachmentsByEvent(t.db, o.id, { includeInternal: true });
    expect(staff.get(internal)!.map((x) => x.id)).toEqual([c.id]);
  });
});

describe('sweepAttachments', () => {
  it('deletes unused uploads older than 24 hours with their files, keeping fresh and used ones', async () => {
    const now = new Date();
    const old = await stored(other, new Date(now.getTime() - 25 * 3_600_000));
    const fresh = await stored(other, new Date(now.getTime() - 23 * 3_600_000));
    const event = await appendOrderEvent(t.db, order, { kind: 'comment' });
    const used = await stored(owner, new Date(now.getTime() - 48 * 3_600_000));
    await claim([used.id], owner, event);
    const swept = await sweepAttachments(t.db, storage, now);
    expect(swept).toBe(1);
    const left = (await t.db.execute<{ id: string }>(sql`SELECT id FROM attachments`)).rows.map((r) => r.id);
    expect(left).not.toContain(old.id);
    expect(left).toEqual(expect.arrayContaining([fresh.id, used.id]));
    expect(filesUnder(dir)).not.toContain(old.storageKey);
    expect(filesUnder(dir)).toEqual(expect.arrayContaining([fresh.storageKey, used.storageKey]));
    expect(await storage.get(old.storageKey)).toBeNull();
  });
});
