import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreatedWebhook, ErrorBody, WebhookDeliveryDto, WebhookDeliveryList, WebhookDto, WebhookList } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhooks } from '../../db/schema/index.js';
import { runOutboxPass } from '../../jobs/outbox-pass.js';
import { runWebhookPass } from '../../jobs/webhook-pass.js';
import {
  type Agent,
  TEST_PASSWORD,
  type Tree,
  buildCommunityTree,
  buildOrderRow,
  buildService,
  buildUser,
  signIn,
  testPii,
  useTestApp,
} from '../../testing/index.js';
import { appendOrderEvent } from '../orders/repo-events.js';
import { isPrivateAddress, refusedTarget } from './address-guard.js';
import { sendWebhook } from './send.js';
import { verifyWebhookSignature } from './signature.js';

const h = useTestApp();
type Hit = { headers: IncomingHttpHeaders; body: string };
const hits: Hit[] = [];
const answers: number[] = [];
let receiver: Server;
let url: string;
let A: Tree;
let other: Tree;
let street: Agent;
let otherStreet: Agent;
let admin: Agent;

beforeAll(async () => {
  // the receiver runs on this machine: allow private addresses here, and test the guard itself below
  process.env.LINLI_WEBHOOK_ALLOW_PRIVATE = '1';
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  A = await buildCommunityTree(h.t.db);
  other = await buildCommunityTree(h.t.db);
  const as = async (role: Parameters<typeof buildUser>[1], areaId: string) =>
    signIn(h.app, (await buildUser(h.t.db, role, { areaId })).username, TEST_PASSWORD);
  street = await as('street_supervisor', A.street.id);
  otherStreet = await as('street_supervisor', other.street.id);
  admin = await as('community_admin', A.community.id);
});

afterAll(async () => {
  delete process.env.LINLI_WEBHOOK_ALLOW_PRIVATE;
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function create(events = ['comment', 'dispatch']): Promise<CreatedWebhook> {
  const res = await street.post('/api/webhooks', { name: '区平台', url, events, areaId: A.street.id });
  expect(res.statusCode).toBe(201);
  return CreatedWebhook.parse(res.json());
}

describe('webhooks API', () => {
  it('street_supervisor: can create a webhook, and sees its secret only once', async () => {
    const hook = await create();
    expect(hook.secret).toMatch(/^whsec_/);
    const list = WebhookList.parse((await street.get('/api/webhooks')).json());
    expect(list.items.map((w) => w.id)).toContain(hook.id);
    expect(JSON.stringify(list)).not.toContain(hook.secret);
  });

  it('street_supervisor: can pause a webhook and change its events', async () => {
    const hook = await create();
    const res = await street.patch(`/api/webhooks/${hook.id}`, { active: false, events: ['close'] });
    expect(WebhookDto.parse(res.json())).toMatchObject({ active: false, events: ['close'] });
  });

  it('street_supervisor: cannot register a non-http URL or a community', async () => {
    const bad = await street.post('/api/webhooks', { name: 'x', url: 'ftp://example.org/x', events: ['close'], areaId: A.street.id });
    expect(bad.statusCode).toBe(400);
    const community = await street.post('/api/webhooks', { name: 'x', url, events: ['close'], areaId: A.community.id });
    expect(community.statusCode).toBe(400);
  });

  it('community_admin: cannot manage webhooks (403)', async () => {
    expect((await admin.get('/api/webhooks')).statusCode).toBe(403);
    expect((await admin.post('/api/webhooks', { name: 'x', url, events: ['close'], areaId: A.street.id })).statusCode).toBe(403);
  });

  it("street_supervisor: cannot see or touch another street's webhook (404)", async () => {
    const hook = await create();
    expect(WebhookList.parse((await otherStreet.get('/api/webhooks')).json()).items).toEqual([]);
    for (const res of [
      await otherStreet.patch(`/api/webhooks/${hook.id}`, { active: false }),
      await otherStreet.get(`/api/webhooks/${hook.id}/deliveries`),
      await otherStreet.post(`/api/webhooks/${hook.id}/test`),
      await otherStreet.delete(`/api/webhooks/${hook.id}`),
      await otherStreet.post('/api/webhooks', { name: 'x', url, events: ['close'], areaId: A.street.id }),
    ])
      expect([res.statusCode, ErrorBody.parse(res.json()).error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('street_supervisor: can send a signed test ping, listed among the deliveries, then delete the webhook', async () => {
    const hook = await create();
    const res = await street.post(`/api/webhooks/${hook.id}/test`);
    expect(WebhookDeliveryDto.parse(res.json())).toMatchObject({ type: 'ping', status: 'delivered', lastStatus: 200 });
    const hit = hits.at(-1)!;
    expect(hit.headers['x-linli-event']).toBe('ping');
    expect(verifyWebhookSignature(hook.secret, hit.body, String(hit.headers['x-linli-signature']), new Date())).toBe(true);
    expect(verifyWebhookSignature('whsec_wrong', hit.body, String(hit.headers['x-linli-signature']), new Date())).toBe(false);
    const deliveries = WebhookDeliveryList.parse((await street.get(`/api/webhooks/${hook.id}/deliveries`)).json());
    expect(deliveries.items.map((d) => d.type)).toEqual(['ping']);
    expect((await street.delete(`/api/webhooks/${hook.id}`)).statusCode).toBe(200);
    expect((await street.get(`/api/webhooks/${hook.id}/deliveries`)).statusCode).toBe(404);
  });
});

describe('webhook delivery pass', () => {
  it('delivers order events signed, retries a 500 with backoff, and never sends internal entries', async () => {
    await h.t.db.update(webhooks).set({ active: false });
    const hook = await create(['comment']);
    const service = await buildService(h.t.db, A.street);
    const order = await buildOrderRow(h.t.db, service, A.building, { status: 'dispatched' });
    await appendOrderEvent(h.t.db, order, { kind: 'comment', internal: true, text: 'internal only' });
    const visible = await appendOrderEvent(h.t.db, order, { kind: 'comment', text: 'we come at 3 pm' });
    await runOutboxPass(h.t.db, { email: false });
    const before = hits.length;
    answers.push(500);
    const now = new Date();
    expect(await runWebhookPass(h.t.db, { pii: testPii }, now)).toMatchObject({ delivered: 0, retrying: 1 });
    expect(await runWebhookPass(h.t.db, { pii: testPii }, new Date(now.getTime() + 30_000))).toMatchObject({ delivered: 0, retrying: 0 });
    expect(await runWebhookPass(h.t.db, { pii: testPii }, new Date(now.getTime() + 61_000))).toMatchObject({ delivered: 1 });
    const sent = hits.slice(before);
    expect(sent).toHaveLength(2);
    for (const hit of sent) {
      expect(hit.headers).toMatchObject({ 'x-linli-event': 'order.comment', 'content-type': 'application/json' });
      expect(verifyWebhookSignature(hook.secret, hit.body, String(hit.headers['x-linli-signature']), new Date())).toBe(true);
      expect(hit.body).not.toContain('internal only');
    }
    expect(JSON.parse(sent[1]!.body)).toMatchObject({
      id: String(visible),
      type: 'order.comment',
      order: { id: order.id, orderNo: order.orderNo },
      event: { text: 'we come at 3 pm' },
    });
    const deliveries = WebhookDeliveryList.parse((await street.get(`/api/webhooks/${hook.id}/deliveries`)).json());
    expect(deliveries.items).toMatchObject([{ type: 'order.comment', status: 'delivered', attempts: 2, lastStatus: 200 }]);
  });
});

describe('private receivers', () => {
  it('system: refuses to deliver to loopback, private and link-local addresses unless allowed', async () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.9', '169.254.169.254', '::1', 'fd00::5', '::ffff:127.0.0.1'])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '114.114.114.114', '2400:3200::1']) expect(isPrivateAddress(address), address).toBe(false);
    delete process.env.LINLI_WEBHOOK_ALLOW_PRIVATE;
    try {
      const before = hits.length;
      const out = await sendWebhook({ url, secret: 's' }, { id: 1, type: 'order.ping', body: '{}' });
      expect(out).toMatchObject({ ok: false, status: null, error: expect.stringContaining('refused: 127.0.0.1') });
      expect(await refusedTarget('http://localhost:9/hook')).toMatch(/^refused: localhost/);
      expect(hits.length).toBe(before);
    } finally {
      process.env.LINLI_WEBHOOK_ALLOW_PRIVATE = '1';
    }
  });
});
