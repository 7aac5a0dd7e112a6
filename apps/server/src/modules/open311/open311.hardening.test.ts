import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { areaBounds, orders } from '../../db/schema/index.js';
import { buildFlat, useTestApp } from '../../testing/index.js';
import { FORM, type Open311World, buildOpen311World, form } from './test-data.js';
import { child, fieldsOf, readXml } from './xml-read.test-helper.js';

const ctx = useTestApp();
let w: Open311World;

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url: `/open311/v2/${url}`, headers });
const post = (fields: Record<string, string>) =>
  ctx.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: FORM, payload: form({ api_key: w.key, ...fields }) });
const orderCount = async () => (await ctx.t.db.select({ n: count() }).from(orders))[0]!.n;
type Req = { service_request_id: string; description: string | null; address: string | null };
const one = async (id: string, fmt: 'json' | 'xml' = 'json') => get(`requests/${id}.${fmt}`);

beforeAll(async () => {
  w = await buildOpen311World(ctx.app, ctx.t.db);
  await ctx.t.db.insert(areaBounds).values({ areaId: w.tree.street.id, south: 32.385, west: 119.375, north: 32.435, east: 119.425 });
});

describe('personal data in public Open311 answers', () => {
  const SECRETS = [
    '13812345678',
    '8613912345678',
    '32100319800101123X',
    '321003198001011234',
    '3-1-402',
    '0514-87654321',
    'zs@example.org',
  ];
  let id: string;
  beforeAll(async () => {
    const res = await post({
      service_code: w.code(w.tree.street, 'leak'),
      'attribute[room]': 'bath',
      address_id: w.tree.building.code,
      description: `楼上 3-1-402 漏水，联系 13812345678 或 8613912345678，座机 0514-87654321，身份证 32100319800101123X / 321003198001011234，zs@example.org`,
    });
    expect(res.statusCode).toBe(200);
    id = (res.json() as { service_request_id: string }[])[0]!.service_request_id;
  });

  it('masks 11- and 13-digit phones, 18-character ID numbers, e-mails and 3-1-402 flats in the description (list, one, JSON, XML)', async () => {
    const list = (await get('requests.json')).json() as Req[];
    const mine = list.find((r) => r.service_request_id === id)!;
    const xml = (await one(id, 'xml')).body;
    const single = ((await one(id)).json() as Req[])[0]!;
    for (const text of [mine.description!, single.description!, xml]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text).toContain('漏水');
      expect(text).toContain('***');
    }
    expect(single.description).toBe('楼上 *** 漏水，联系 *** 或 ***，座机 ***，身份证 *** / ***，***@***');
  });

  it('publishes a flat-located request at building level, and masks unit and flat in a client’s address text', async () => {
    const flat = await buildFlat(ctx.t.db, w.tree.building, { unitNo: 2, flatNo: '402' });
    const byFlat = await post({ service_code: w.code(w.tree.street, 'leak'), 'attribute[room]': 'bath', address_id: flat.id });
    const byText = await post({
      service_code: w.code(w.tree.street, 'clean'),
      address_string: '幸福小区 3号楼2单元402室 电话13812345678',
    });
    const [a, b] = await Promise.all(
      [byFlat, byText].map(async (r) => ((await one((r.json() as Req[])[0]!.service_request_id)).json() as Req[])[0]!),
    );
    expect(a!.address).toBe([w.tree.community.name, w.tree.compound.name, w.tree.building.name].join(' '));
    expect(a!.address).not.toMatch(/单元|402/);
    expect(b!.address).toBe('幸福小区 3号楼***单元***室 电话***');
  });
});

describe('unknown paths answer the GeoReport error list in the asked format', () => {
  it.each([
    ['GET', '/open311/v2/nothing.xml', 'xml'],
    ['GET', '/open311/v2/nothing.json', 'json'],
    ['GET', '/open311/v3/services.xml', 'xml'],
    ['GET', '/open311/whatever', 'json'],
    ['DELETE', '/open311/v2/requests.json', 'json'],
    ['PUT', '/open311/v2/servicerequestupdates.xml', 'xml'],
  ] as const)('%s %s → 404 in %s', async (method, url, fmt) => {
    const res = await ctx.app.inject({ method, url });
    expect(res.statusCode).toBe(404);
    if (fmt === 'xml') {
      expect(res.headers['content-type']).toMatch(/^text\/xml/);
      const { root } = readXml(res.body);
      expect(root.name).toBe('errors');
      expect(fieldsOf(child(root, 'error'))).toEqual({ code: '404', description: 'no such endpoint' });
    } else expect(res.json()).toEqual([{ code: 404, description: 'no such endpoint' }]);
  });

  it('a path without an extension answers XML when the client accepts only XML', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/open311/v2/nothing', headers: { accept: 'text/xml' } });
    expect(res.statusCode).toBe(404);
    expect(readXml(res.body).root.name).toBe('errors');
  });
});

describe('coordinates outside the street', () => {
  const at = (lat: string, long: string, street = w.tree.street) => ({
    service_code: w.code(street, street === w.tree.street ? 'clean' : 'leak'),
    lat,
    long,
  });

  it.each([
    ['south of the street', '32.30', '119.40'],
    ['east of the street', '32.40', '119.50'],
    ['lat and long swapped inside the world', '32.40', '-119.40'],
    ['null island', '0', '0'],
  ])('refuses %s with 400 naming the area, and stores nothing', async (_label, lat, long) => {
    const before = await orderCount();
    const res = await post(at(lat, long));
    expect(res.statusCode).toBe(400);
    const [err] = res.json() as { code: number; description: string }[];
    expect(err!.code).toBe(400);
    expect(err!.description).toContain(`(${Number(lat)}, ${Number(long)}) lies outside the area of ${w.tree.street.name}`);
    expect(await orderCount()).toBe(before);
  });

  it('lat and long swapped past 90° fail on the field itself', async () => {
    const res = await post(at('119.40', '32.40'));
    expect(res.statusCode).toBe(400);
    expect((res.json() as { description: string }[])[0]!.description).toMatch(/^lat: /);
  });

  it('accepts coordinates inside the street and keeps them', async () => {
    const res = await post(at('32.41', '119.40'));
    expect(res.statusCode).toBe(200);
    const got = ((await one((res.json() as Req[])[0]!.service_request_id)).json() as { lat: number; long: number }[])[0]!;
    expect([got.lat, got.long]).toEqual([32.41, 119.4]);
  });

  it('a street without a recorded box still refuses coordinates outside China (XML error)', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: FORM,
      payload: form({ api_key: w.otherKey, ...at('48.85', '2.35', w.other.street) }),
    });
    expect(res.statusCode).toBe(400);
    const e = fieldsOf(child(readXml(res.body).root, 'error'));
    expect(e.description).toContain('lies outside the area this installation serves');
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: FORM,
      payload: form({ api_key: w.otherKey, ...at('31.2', '121.5', w.other.street) }),
    });
    expect(ok.statusCode).toBe(200);
  });
});
