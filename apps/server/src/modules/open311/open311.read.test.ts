import { beforeAll, describe, expect, it } from 'vitest';
import { buildOrderRow, testPii, useTestApp } from '../../testing/index.js';
import { PRIVATE_DESCRIPTION } from './presenter.js';
import { FORM, type Open311World, buildOpen311World, form } from './test-data.js';

const ctx = useTestApp();
let w: Open311World;
let viaOpen311: string;
let portal: string;
let closed: string;
let old: string;
let foreign: string;

type Req = Record<string, unknown> & { service_request_id: string; status: string; description: string | null };
const get = async (url: string) => ctx.app.inject({ method: 'GET', url: `/open311/v2/${url}` });
const ids = async (url: string) => ((await get(url)).json() as Req[]).map((r) => r.service_request_id).sort();
const ISO_CN = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/;

beforeAll(async () => {
  w = await buildOpen311World(ctx.app, ctx.t.db);
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: FORM,
    payload: form({
      api_key: w.key,
      service_code: w.code(w.tree.street, 'leak'),
      'attribute[room]': 'bath',
      address_id: w.tree.building.code,
      description: '公开的描述',
    }),
  });
  viaOpen311 = (res.json() as Req[])[0]!.service_request_id;
  const p = await buildOrderRow(ctx.t.db, w.leak, w.tree.building, {
    description: '张三家 13812345678 漏水',
    contactName: '张三',
    contactPhoneEnc: testPii.encrypt('13812345678'),
    contactEmail: 'zs@example.org',
    address: '小区 楼栋 2单元 甲七室',
    handlerOrgId: w.org.id,
    status: 'dispatched',
    stageDueAt: new Date('2030-01-01T00:00:00Z'),
  });
  portal = p.orderNo;
  closed = (await buildOrderRow(ctx.t.db, w.clean, w.tree.building, { status: 'withdrawn', closedAt: new Date() })).orderNo;
  old = (await buildOrderRow(ctx.t.db, w.leak, w.tree.building, { placedAt: new Date(Date.now() - 100 * 86_400_000) })).orderNo;
  foreign = (await buildOrderRow(ctx.t.db, w.otherLeak, w.other.building)).orderNo;
});

describe('GET /open311/v2/discovery', () => {
  it('lists a production and a test endpoint with the GeoReport v2 specification and both formats', async () => {
    const res = await get('discovery.json');
    expect(res.statusCode).toBe(200);
    const d = res.json() as { changeset: string; contact: string; key_service: string; endpoints: Record<string, unknown>[] };
    expect(d.changeset).toMatch(ISO_CN);
    expect(d.contact.length).toBeGreaterThan(0);
    expect(d.key_service.length).toBeGreaterThan(0);
    expect(d.endpoints.map((e) => e.type).sort()).toEqual(['production', 'test']);
    for (const e of d.endpoints)
      expect(e).toEqual({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'http://localhost:80/open311/v2',
        changeset: expect.stringMatching(ISO_CN),
        type: expect.any(String),
        formats: ['text/xml', 'application/json'],
      });
  });
});

describe('GET /open311/v2/services', () => {
  it('lists every street’s active services without a key, with street-prefixed unique codes', async () => {
    const list = (await get('services.json')).json() as Record<string, unknown>[];
    const codes = list.map((s) => s.service_code);
    expect(codes).toEqual(
      expect.arrayContaining([w.code(w.tree.street, 'leak'), w.code(w.other.street, 'leak'), w.code(w.tree.street, 'clean')]),
    );
    expect(codes).not.toContain(w.code(w.tree.street, 'retired'));
    expect(new Set(codes).size).toBe(codes.length);
    expect(list.find((s) => s.service_code === w.code(w.tree.street, 'leak'))).toEqual({
      service_code: w.code(w.tree.street, 'leak'),
      service_name: '漏水报修',
      description: '房屋漏水 & 渗水',
      metadata: true,
      type: 'realtime',
      keywords: '漏水,维修',
      group: '物业服务',
    });
    expect(list.find((s) => s.service_code === w.code(w.tree.street, 'clean'))).toMatchObject({
      metadata: false,
      keywords: null,
      group: '居家服务',
    });
  });

  it('lists only the key’s street with a key, and 403 for an unknown key', async () => {
    const codes = ((await get(`services.json?api_key=${w.key}`)).json() as { service_code: string }[]).map((s) => s.service_code);
    expect(codes.sort()).toEqual([w.code(w.tree.street, 'clean'), w.code(w.tree.street, 'leak')].sort());
    expect((await get('services.json?api_key=nope')).statusCode).toBe(403);
  });

  it('defines a service’s attributes in order, with list values', async () => {
    const d = (await get(`services/${w.code(w.tree.street, 'leak')}.json`)).json() as {
      service_code: string;
      attributes: Record<string, unknown>[];
    };
    expect(d.service_code).toBe(w.code(w.tree.street, 'leak'));
    expect(d.attributes.map((a) => [a.code, a.datatype, a.order])).toEqual([
      ['room', 'singlevaluelist', 1],
      ['floors', 'number', 2],
      ['signs', 'multivaluelist', 3],
      ['seen_at', 'datetime', 4],
      ['note', 'text', 5],
    ]);
    expect(d.attributes[0]).toEqual({
      variable: true,
      code: 'room',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: '例如 厨房',
      order: 1,
      description: '漏水位置',
      values: [
        { key: 'kitchen', name: '厨房' },
        { key: 'bath', name: '卫生间' },
      ],
    });
  });

  it('404 for an unknown service and for another street’s service with a key', async () => {
    const res = await get(`services/${w.tree.street.code}-nope.json`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual([{ code: 404, description: expect.stringMatching(/service_code/) }]);
    expect((await get(`services/${w.code(w.other.street, 'leak')}.json?api_key=${w.key}`)).statusCode).toBe(404);
  });
});

describe('GET /open311/v2/requests', () => {
  it('covers the last 90 days by default, the whole installation without a key', async () => {
    expect(await ids('requests.json')).toEqual([viaOpen311, portal, closed, foreign].sort());
  });

  it('a key sees its own street only; another street’s request answers 404', async () => {
    expect(await ids(`requests.json?api_key=${w.key}`)).toEqual([viaOpen311, portal, closed].sort());
    expect((await get(`requests/${foreign}.json?api_key=${w.key}`)).statusCode).toBe(404);
    expect((await get(`requests/${foreign}.json`)).statusCode).toBe(200);
  });

  it('filters by ids (ignoring dates), service_code, status, dates and pages', async () => {
    expect(await ids(`requests.json?service_request_id=${old},${portal}`)).toEqual([old, portal].sort());
    expect(await ids(`requests.json?service_code=${w.code(w.tree.street, 'clean')}`)).toEqual([closed]);
    expect(await ids('requests.json?status=closed')).toEqual([closed]);
    expect(await ids(`requests.json?status=open&api_key=${w.key}`)).toEqual([viaOpen311, portal].sort());
    const start = encodeURIComponent(new Date(Date.now() - 120 * 86_400_000).toISOString());
    const end = encodeURIComponent(new Date(Date.now() - 80 * 86_400_000).toISOString());
    expect(await ids(`requests.json?start_date=${start}&end_date=${end}`)).toEqual([old]);
    const page1 = await ids('requests.json?page_size=3');
    const page2 = await ids('requests.json?page_size=3&page=2');
    expect(page1).toHaveLength(3);
    expect([...page1, ...page2].sort()).toEqual([viaOpen311, portal, closed, foreign].sort());
    expect((await get('requests.json?page_size=1001')).statusCode).toBe(400);
    expect((await get('requests.json?status=placed')).statusCode).toBe(400);
    expect((await get('requests.json?start_date=yesterday')).statusCode).toBe(400);
  });

  it('maps internal states onto open/closed with the state label in status_notes, and typed fields', async () => {
    const [r] = (await get(`requests/${portal}.json`)).json() as Req[];
    expect(r).toMatchObject({
      service_request_id: portal,
      status: 'open',
      status_notes: '待接单',
      service_code: w.code(w.tree.street, 'leak'),
      service_name: '漏水报修',
      agency_responsible: w.org.name,
      expected_datetime: '2030-01-01T08:00:00+08:00',
      address_id: w.tree.building.code,
      zipcode: null,
      lat: null,
      long: null,
    });
    expect(r!.requested_datetime).toMatch(ISO_CN);
    expect(r!.updated_datetime).toMatch(ISO_CN);
    const [c] = (await get(`requests/${closed}.json`)).json() as Req[];
    expect(c).toMatchObject({ status: 'closed', status_notes: '已撤回' });
    const [o] = (await get(`requests/${viaOpen311}.json`)).json() as Req[];
    expect(o).toMatchObject({ description: '公开的描述', status: 'open', status_notes: '待派单' });
  });

  it('never publishes personal data: no names, phones, e-mails, flat numbers or the resident’s own words', async () => {
    const body = (await get('requests.json')).body + (await get('requests.xml')).body;
    for (const secret of ['张三', '13812345678', 'zs@example.org', '甲七室', '2单元']) expect(body).not.toContain(secret);
    const [r] = (await get(`requests/${portal}.json`)).json() as Req[];
    expect(r!.description).toBe(PRIVATE_DESCRIPTION);
    expect(r!.address).toBe([w.tree.community.name, w.tree.compound.name, w.tree.building.name].join(' '));
  });

  it('404 errors list for an unknown request id', async () => {
    const res = await get('requests/20990101999.json');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual([{ code: 404, description: expect.stringMatching(/20990101999/) }]);
  });
});
