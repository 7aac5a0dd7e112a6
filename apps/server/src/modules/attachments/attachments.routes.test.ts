import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AttachmentDto, ErrorBody } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStorage } from '../../core/storage.js';
import { attachments } from '../../db/schema/index.js';
import {
  type Agent,
  type Tree,
  TEST_PASSWORD,
  buildCommunityTree,
  buildOrderRow,
  buildService,
  buildUser,
  signIn,
  useTestApp,
} from '../../testing/index.js';
import { appendOrderEvent } from '../orders/repo-events.js';
import { claimAttachments } from './claim.js';
import { IMAGES, filesUnder, multipartBody } from './test-kit.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-att-'));
const h = useTestApp({ storage: fileStorage(dir) });

let tree: Tree;
let resident: Agent & { id: string };
let neighbour: Agent & { id: string };
let staff: Agent & { id: string };
let evaluator: Agent;
let otherStaff: Agent;

async function user(role: Parameters<typeof buildUser>[1], areaId: string) {
  const u = await buildUser(h.t.db, role, { areaId });
  return Object.assign(await signIn(h.app, u.username, TEST_PASSWORD), { id: u.id });
}

const upload = (agent: Agent, data: Buffer, name?: string, type?: string, locale = 'zh-CN') =>
  agent.request({ method: 'POST', url: '/api/attachments', ...withLocale(multipartBody(data, name, type), locale) });
const withLocale = (b: ReturnType<typeof multipartBody>, locale: string) => ({ ...b, headers: { ...b.headers, 'x-linli-locale': locale } });
const rowsOf = (ownerId: string) => h.t.db.select().from(attachments).where(eq(attachments.ownerId, ownerId));

async function uploaded(agent: Agent, data = IMAGES.jpeg): Promise<AttachmentDto> {
  const res = await upload(agent, data);
  expect(res.statusCode).toBe(201);
  return AttachmentDto.parse(res.json());
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  tree = await buildCommunityTree(h.t.db);
  const other = await buildCommunityTree(h.t.db, tree.street);
  resident = await user('resident', tree.building.id);
  neighbour = await user('resident', tree.building.id);
  staff = await user('community_staff', tree.community.id);
  evaluator = await user('evaluator', tree.community.id);
  otherStaff = await user('community_staff', other.community.id);
});

describe('POST /api/attachments', () => {
  it('resident: can upload a JPEG, a PNG and a WebP, typed by their bytes', async () => {
    const jpeg = await uploaded(resident, IMAGES.jpeg);
    expect(jpeg).toMatchObject({
      name: 'photo.jpg',
      contentType: 'image/jpeg',
      size: IMAGES.jpeg.length,
      url: `/api/attachments/${jpeg.id}/content`,
    });
    const png = AttachmentDto.parse((await upload(resident, IMAGES.png, 'scan.jpg', 'image/jpeg')).json());
    expect(png.contentType).toBe('image/png');
    const webp = AttachmentDto.parse((await upload(resident, IMAGES.webp, 'a.webp', 'image/webp')).json());
    expect(webp.contentType).toBe('image/webp');
    expect(filesUnder(dir)).toHaveLength(3);
    expect(filesUnder(dir).every((f) => /^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(f))).toBe(true);
  });

  it.each([
    ['gif', IMAGES.gif],
    ['pdf', IMAGES.pdf],
    ['text', IMAGES.text],
  ])('refuses a %s renamed .jpg with 400 on `file`, storing nothing', async (_kind, data) => {
    const before = filesUnder(dir).length;
    const res = await upload(neighbour, data, 'holiday.jpg', 'image/jpeg', 'en');
    expect(res.statusCode).toBe(400);
    const body = ErrorBody.parse(res.json());
    expect(body.error.details?.issues).toEqual([{ path: 'file', message: 'Only JPEG, PNG or WebP images can be uploaded' }]);
    expect(filesUnder(dir)).toHaveLength(before);
    expect(await rowsOf(neighbour.id)).toHaveLength(0);
  });

  it.each([
    ['6 MB (refused by its length)', 6 * 1024 * 1024],
    ['just over 5 MiB (refused while streaming)', 5 * 1024 * 1024 + 10],
  ])('refuses %s with 413 and a localised message, storing nothing', async (_label, bytes) => {
    const before = filesUnder(dir).length;
    const big = Buffer.concat([IMAGES.jpeg, Buffer.alloc(bytes - IMAGES.jpeg.length)]);
    const res = await upload(neighbour, big);
    expect(res.statusCode).toBe(413);
    const body = ErrorBody.parse(res.json());
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.message).toBe('文件超过 5 MiB 上限');
    expect(filesUnder(dir)).toHaveLength(before);
    expect(await rowsOf(neighbour.id)).toHaveLength(0);
  });

  it('refuses a request without a file with 400 on `file`', async () => {
    const res = await neighbour.request({ method: 'POST', url: '/api/attachments', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.details?.issues?.[0]?.path).toBe('file');
  });

  it('evaluator: cannot upload (403)', async () => {
    const res = await upload(evaluator, IMAGES.jpeg);
    expect(res.statusCode).toBe(403);
  });

  it('community_staff: can upload', async () => {
    expect((await upload(staff, IMAGES.png)).statusCode).toBe(201);
  });

  it('answers 429 past 30 unused uploads in 24 hours', async () => {
    const u = await user('grid_worker', tree.grid.id);
    await h.t.db.insert(attachments).values(
      Array.from({ length: 30 }, (_, i) => ({
        ownerId: u.id,
        name: `x${i}.jpg`,
        contentType: 'image/jpeg',
        size: 1,
        storageKey: `2026/01/${crypto.randomUUID()}`,
      })),
    );
    const res = await upload(u, IMAGES.jpeg);
    expect(res.statusCode).toBe(429);
    expect(ErrorBody.parse(res.json()).error.code).toBe('LIMIT_EXCEEDED');
    expect(await rowsOf(u.id)).toHaveLength(30);
  });
});

describe('GET /api/attachments/:id/content', () => {
  it('resident: can read their own unused upload, with safe headers', async () => {
    const a = await uploaded(resident, IMAGES.png);
    const res = await resident.get(a.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe('inline');
    // every /api answer is no-store (core/request-log.ts): a photo of a resident's order is personal data too
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.equals(IMAGES.png)).toBe(true);
  });

  it('resident: cannot read another user’s unused upload (404)', async () => {
    const a = await uploaded(resident);
    expect((await neighbour.get(a.url)).statusCode).toBe(404);
    expect((await staff.get(a.url)).statusCode).toBe(404);
  });

  it('once on an order: its resident and staff in scope read it, others get 404; internal photos stay with staff', async () => {
    const service = await buildService(h.t.db, tree.street);
    const order = await buildOrderRow(h.t.db, service, tree.building, { placedBy: resident.id });
    const visible = await appendOrderEvent(h.t.db, order, { kind: 'place' });
    const internal = await appendOrderEvent(h.t.db, order, { kind: 'comment', internal: true });
    const shown = await uploaded(resident);
    const hidden = await uploaded(staff);
    await h.t.db.transaction(async (tx) => {
      await claimAttachments(tx, { ids: [shown.id], ownerId: resident.id, orderId: order.id, eventId: visible });
      await claimAttachments(tx, { ids: [hidden.id], ownerId: staff.id, orderId: order.id, eventId: internal });
    });
    expect((await resident.get(shown.url)).statusCode).toBe(200);
    expect((await staff.get(shown.url)).statusCode).toBe(200);
    expect((await staff.get(hidden.url)).statusCode).toBe(200);
    expect((await resident.get(hidden.url)).statusCode).toBe(404);
    expect((await neighbour.get(shown.url)).statusCode).toBe(404);
    expect((await otherStaff.get(shown.url)).statusCode).toBe(404);
  });
});
