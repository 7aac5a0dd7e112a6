import { beforeAll, describe, expect, it } from 'vitest';
import { buildOrderRow, useTestApp } from '../../testing/index.js';
import { appendOrderEvent } from '../orders/repo-events.js';
import { type Open311World, buildOpen311World } from './test-data.js';
import { fieldsOf, readXml } from './xml-read.test-helper.js';

const ctx = useTestApp();
let w: Open311World;
let mine: string;
let foreign: string;
const T0 = new Date('2026-11-01T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const iso = (d: Date) => d.toISOString();

type Update = Record<string, string | null>;
const get = (url: string) => ctx.app.inject({ method: 'GET', url: `/open311/v2/${url}` });
const window = (from: Date, to: Date, extra = '') => `start_date=${iso(from)}&end_date=${iso(to)}${extra}`;
const json = async (q: string) => {
  const res = await get(`servicerequestupdates.json?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Update[];
};

beforeAll(async () => {
  w = await buildOpen311World(ctx.app, ctx.t.db);
  const order = await buildOrderRow(ctx.t.db, w.leak, w.tree.building, { status: 'in_progress', placedAt: at(0) });
  mine = order.orderNo;
  const ev = (
    o: typeof order,
    minutes: number,
    fromStatus: 'placed' | 'dispatched' | null,
    toStatus: 'dispatched' | 'in_progress' | null,
    internal = false,
  ) =>
    appendOrderEvent(ctx.t.db, o, {
      kind: toStatus ? 'dispatch' : 'comment',
      at: at(minutes),
      fromStatus,
      toStatus,
      internal,
      text: '张三 13812345678 说明',
    });
  await ev(order, 10, 'placed', 'dispatched');
  await ev(order, 20, null, null, true);
  await ev(order, 30, null, null);
  await ev(order, 40, 'dispatched', 'in_progress');
  const other = await buildOrderRow(ctx.t.db, w.otherLeak, w.other.building, { status: 'dispatched', placedAt: at(0) });
  foreign = other.orderNo;
  await ev(other, 15, 'placed', 'dispatched');
});

describe('GET /open311/v2/servicerequestupdates (FixMyStreet extension)', () => {
  it('answers FixMyStreet’s XML: <service_requests_updates><request_update> with its fields, status changes only, oldest first', async () => {
    const res = await get(`servicerequestupdates.xml?${window(at(0), at(60), `&api_key=${encodeURIComponent(w.key)}`)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.headers['cache-control']).toBe('no-store');
    const { declaration, root } = readXml(res.body);
    expect(declaration).toContain('UTF-8');
    expect(root.name).toBe('service_requests_updates');
    const updates = root.children.map((c) => {
      expect(c.name).toBe('request_update');
      return fieldsOf(c);
    });
    expect(updates.map((u) => [u.service_request_id, u.status, u.external_status_code, u.description])).toEqual([
      [mine, 'open', 'dispatched', '待接单'],
      [mine, 'in_progress', 'in_progress', '处理中'],
    ]);
    for (const u of updates) {
      expect(u.update_id).toMatch(/^\d+$/);
      expect(u.updated_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      expect(u).toHaveProperty('media_url', '');
    }
    expect(updates[0]!.updated_datetime).toBe('2026-11-01T10:10:00+08:00');
    expect(res.body).not.toContain('13812345678');
  });

  it('answers the same as a JSON list', async () => {
    const list = await json(window(at(0), at(60), `&api_key=${encodeURIComponent(w.key)}`));
    expect(list).toEqual([
      expect.objectContaining({ service_request_id: mine, status: 'open', external_status_code: 'dispatched', media_url: null }),
      expect.objectContaining({ service_request_id: mine, status: 'in_progress', updated_datetime: '2026-11-01T10:40:00+08:00' }),
    ]);
    expect(Object.keys(list[0]!).sort()).toEqual(
      ['description', 'external_status_code', 'media_url', 'service_request_id', 'status', 'update_id', 'updated_datetime'].sort(),
    );
  });

  it('keeps to the date window', async () => {
    const list = await json(window(at(5), at(35)));
    expect(list.map((u) => [u.service_request_id, u.external_status_code])).toEqual([
      [mine, 'dispatched'],
      [foreign, 'dispatched'],
    ]);
    expect(await json(window(at(41), at(600)))).toEqual([]);
  });

  it('follows the key rules of the module: no key sees every street, a key its own street, a wrong key 403', async () => {
    const all = await json(window(at(0), at(60)));
    expect(new Set(all.map((u) => u.service_request_id))).toEqual(new Set([mine, foreign]));
    const theirs = await json(window(at(0), at(60), `&api_key=${encodeURIComponent(w.otherKey)}`));
    expect(theirs.map((u) => u.service_request_id)).toEqual([foreign]);
    const bad = await get(`servicerequestupdates.xml?${window(at(0), at(60), '&api_key=nope')}`);
    expect(bad.statusCode).toBe(403);
    expect(readXml(bad.body).root.name).toBe('errors');
  });

  it.each([
    ['start after end', window(at(60), at(0)), 'start_date must not be after end_date'],
    ['a window over 90 days', window(at(0), at(91 * 24 * 60)), 'spans more than 90 days'],
    ['a date without a timezone', 'start_date=2026-11-01T10:00:00&end_date=2026-11-02T10:00:00Z', 'start_date'],
  ])('refuses %s with 400 in the GeoReport error shape', async (_label, q, text) => {
    const res = await get(`servicerequestupdates.json?${q}`);
    expect(res.statusCode).toBe(400);
    expect((res.json() as { code: number; description: string }[])[0]).toEqual({ code: 400, description: expect.stringContaining(text) });
  });

  it('without dates covers the last 24 hours', async () => {
    const fresh = await buildOrderRow(ctx.t.db, w.clean, w.tree.building, { status: 'dispatched' });
    await appendOrderEvent(ctx.t.db, fresh, { kind: 'dispatch', fromStatus: 'placed', toStatus: 'dispatched' });
    const list = await json('');
    expect(list.map((u) => u.service_request_id)).toEqual([fresh.orderNo]);
  });
});

describe('Cache-Control on Open311 answers', () => {
  it('no-store on request data and on errors; discovery and services stay cacheable', async () => {
    for (const url of ['requests.json', `requests/${mine}.xml`, 'servicerequestupdates.json', 'nothing.json', 'tokens/nope.json'])
      expect((await get(url)).headers['cache-control'], url).toBe('no-store');
    for (const url of ['discovery.xml', 'services.json', `services/${w.code(w.tree.street, 'leak')}.json`])
      expect((await get(url)).headers['cache-control'], url).toBeUndefined();
  });
});
