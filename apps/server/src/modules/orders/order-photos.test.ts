import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AttachmentDto } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStorage } from '../../core/storage.js';
import { attachments } from '../../db/schema/index.js';
import { type Agent, useTestApp } from '../../testing/index.js';
import { IMAGES, multipartBody } from '../attachments/test-kit.js';
import { type OrderWorld, eventsOf, issuesOf, move, orderAt, orderWorld, placeAs, portalOrder, rowOf } from './test-kit.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-order-photos-'));
const h = useTestApp({ storage: fileStorage(dir) });
let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld(h);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function upload(agent: Agent): Promise<string> {
  const res = await agent.request({ method: 'POST', url: '/api/attachments', ...multipartBody(IMAGES.jpeg) });
  expect(res.statusCode, res.body).toBe(201);
  return AttachmentDto.parse(res.json()).id;
}
const attachment = async (id: string) => (await h.t.db.select().from(attachments).where(eq(attachments.id, id)))[0]!;

describe('photos on orders', () => {
  it("resident: can place an order with photos, which belong to the order's 'place' event", async () => {
    const ids = [await upload(w.resident), await upload(w.resident)];
    const order = await placeAs(w.resident, portalOrder(w, { attachmentIds: ids }));
    const [place] = await eventsOf(h, order.id);
    for (const id of ids) expect(await attachment(id)).toMatchObject({ orderId: order.id, eventId: place!.id });
    const reuse = await w.resident.post('/api/orders', portalOrder(w, { attachmentIds: [ids[0]!] }));
    expect(issuesOf(reuse)?.map((i) => i.path)).toEqual(['attachmentIds']);
  });

  it("handler_staff: can handle with their own photos, not with someone else's (400, nothing changes)", async () => {
    const order = await orderAt(w, 'in_progress');
    const residentPhoto = await upload(w.resident);
    const refused = await move(w.handler, order.id, { event: 'handle', note: '已修好', attachmentIds: [residentPhoto] }, 400);
    expect(issuesOf(refused)?.map((i) => i.path)).toEqual(['attachmentIds']);
    expect((await rowOf(h, order.id)).status).toBe('in_progress');
    expect(await attachment(residentPhoto)).toMatchObject({ orderId: null, eventId: null });
    const photo = await upload(w.handler);
    await move(w.handler, order.id, { event: 'handle', note: '已修好', attachmentIds: [photo] });
    const handle = (await eventsOf(h, order.id)).at(-1)!;
    expect(handle.kind).toBe('handle');
    expect(await attachment(photo)).toMatchObject({ orderId: order.id, eventId: handle.id });
  });
});
