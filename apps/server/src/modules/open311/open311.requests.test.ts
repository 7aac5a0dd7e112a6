import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, open311Keys, orders } from '../../db/schema/index.js';
import { buildFlat, testPii, useTestApp } from '../../testing/index.js';
import { FORM, type Open311World, buildOpen311World, form } from './test-data.js';

const ctx = useTestApp();
let w: Open311World;

beforeAll(async () => {
  w = await buildOpen311World(ctx.app, ctx.t.db);
});

const post = (body: Record<string, string | string[]>, fmt = 'json') =>
  ctx.app.inject({ method: 'POST', url: `/open311/v2/requests.${fmt}`, headers: FORM, payload: form(body) });
const orderCount = async () => (await ctx.t.db.select({ n: count() }).from(orders))[0]!.n;
const leakBody = () => ({
  api_key: w.key,
  service_code: w.code(w.tree.street, 'leak'),
  'attribute[room]': 'kitchen',
  lat: '32.39',
  long: '119.41',
});

type Created = { service_request_id: string; token: string; service_notice: string | null; account_id: string | null };

describe('POST /open311/v2/requests', () => {
  it('places a form-encoded request in the key’s community, with its contact, attributes and a token', async () => {
    const res = await post({
      ...leakBody(),
      'attribute[floors]': '3',
      'attribute[signs][]': ['drip', 'mould'],
      description: '厨房顶棚漏水',
      first_name: '三',
      last_name: '张',
      email: 'zs@example.org',
      phone: '13812345678',
      address_string: '绿扬新苑 3 幢',
      media_url: 'https://example.org/leak.jpg',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Created[];
    expect(body).toHaveLength(1);
    const [c] = body;
    expect(typeof c!.service_request_id).toBe('string');
    expect(typeof c!.token).toBe('string');
    expect(c!.token.length).toBeGreaterThanOrEqual(20);
    expect(c!.service_notice).toMatch(/7 天/);
    expect(c!.account_id).toBeNull();

    const [o] = await ctx.t.db.select().from(orders).where(eq(orders.orderNo, c!.service_request_id));
    expect(o).toMatchObject({
      channel: 'open311',
      placedBy: null,
      status: 'placed',
      communityId: w.tree.community.id,
      serviceId: w.leak.id,
      contactName: '张三',
      contactEmail: 'zs@example.org',
      open311Token: c!.token,
      lat: '32.39',
      long: '119.41',
      address: '绿扬新苑 3 幢',
      description: '厨房顶棚漏水',
      fields: { room: 'kitchen', floors: 3, signs: ['drip', 'mould'] },
    });
    expect(testPii.decrypt(o!.contactPhoneEnc!)).toBe('13812345678');
    const [key] = await ctx.t.db.select().from(open311Keys).where(eq(open311Keys.id, w.keyId));
    expect(key!.lastUsedAt).not.toBeNull();
    const audit = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'order.place'), eq(auditLog.entityId, o!.id)));
    expect(audit[0]?.details).toMatchObject({ channel: 'open311', open311KeyId: w.keyId });
    expect(JSON.stringify(audit[0]?.details)).not.toContain('13812345678');
  });

  it('accepts JSON with nested attributes, the key in the query and a building code as address_id', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.json?api_key=${w.key}`,
      payload: {
        service_code: w.code(w.tree.street, 'leak'),
        address_id: w.tree.building.code,
        attribute: { room: 'bath', signs: ['drip'] },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [o] = await ctx.t.db
      .select()
      .from(orders)
      .where(eq(orders.orderNo, (res.json() as Created[])[0]!.service_request_id));
    expect(o).toMatchObject({ buildingId: w.tree.building.id, gridId: w.tree.grid.id, fields: { room: 'bath', signs: ['drip'] } });
    expect(o!.description).toBe('漏水报修');
  });

  it('takes the id of a flat of the key’s community as address_id', async () => {
    const flat = await buildFlat(ctx.t.db, w.tree.building, { unitNo: 2, flatNo: '301' });
    const res = await post({ api_key: w.key, service_code: w.code(w.tree.street, 'clean'), address_id: flat.id });
    expect(res.statusCode, res.body).toBe(200);
    const [o] = await ctx.t.db
      .select()
      .from(orders)
      .where(eq(orders.orderNo, (res.json() as Created[])[0]!.service_request_id));
    expect(o).toMatchObject({ buildingId: w.tree.building.id, flatId: flat.id, householdId: null });
  });

  it('answers the XML variant with the service_requests container', async () => {
    const res = await post(leakBody(), 'xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml; charset=utf-8/);
    expect(res.body).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<service_requests><request><service_request_id>\d+<\/service_request_id><token>[\w-]+<\/token>/,
    );
  });
});

describe('POST /open311/v2/requests refuses bad input with an errors list and stores nothing', () => {
  const cases: [string, () => Record<string, string | string[]>, number, RegExp][] = [
    ['no api_key', () => ({ ...leakBody(), api_key: '' }), 403, /api_key/],
    ['an unknown api_key', () => ({ ...leakBody(), api_key: 'o311_not-a-key' }), 403, /api_key/],
    ['no service_code', () => ({ ...leakBody(), service_code: '' }), 400, /service_code/],
    ['no location', () => ({ api_key: w.key, service_code: w.code(w.tree.street, 'leak'), 'attribute[room]': 'bath' }), 400, /location/],
    ['a missing required attribute', () => ({ ...leakBody(), 'attribute[room]': '' }), 400, /attribute\[room\]/],
    ['an option that does not exist', () => ({ ...leakBody(), 'attribute[room]': 'attic' }), 400, /attribute\[room\]/],
    ['a number attribute that is not a number', () => ({ ...leakBody(), 'attribute[floors]': 'many' }), 400, /attribute\[floors\]/],
    ['an unknown attribute', () => ({ ...leakBody(), 'attribute[colour]': 'red' }), 400, /attribute\[colour\]/],
    ['a latitude out of range', () => ({ ...leakBody(), lat: '123' }), 400, /lat/],
    ['a bad e-mail', () => ({ ...leakBody(), email: 'nope' }), 400, /email/],
    ['a media_url that is not http(s)', () => ({ ...leakBody(), media_url: 'javascript:alert(1)' }), 400, /media_url/],
    ['an address_id outside the key’s community', () => ({ ...leakBody(), address_id: w.other.building.code }), 400, /address_id/],
    ['an unknown service', () => ({ ...leakBody(), service_code: `${w.tree.street.code}-nope` }), 404, /service_code/],
    ['a service of another street', () => ({ ...leakBody(), service_code: w.code(w.other.street, 'leak') }), 404, /service_code/],
    ['an inactive service', () => ({ ...leakBody(), service_code: w.code(w.tree.street, 'retired') }), 404, /service_code/],
  ];
  for (const [what, body, status, description] of cases)
    it(`${status} for ${what}`, async () => {
      const before = await orderCount();
      const res = await post(body());
      expect(res.statusCode, res.body).toBe(status);
      const errors = res.json() as { code: number; description: string }[];
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e).toEqual({ code: status, description: expect.any(String) });
      expect(errors.map((e) => e.description).join(' ')).toMatch(description);
      expect(await orderCount()).toBe(before);
    });

  it('403 for a revoked key, in JSON and XML', async () => {
    const made = await w.agent.post('/api/open311/keys', { name: 'to revoke', communityId: w.tree.community.id });
    const { key, id } = made.json() as { key: string; id: string };
    expect((await post({ ...leakBody(), api_key: key })).statusCode).toBe(200);
    expect((await w.agent.post(`/api/open311/keys/${id}/revoke`)).statusCode).toBe(200);
    const res = await post({ ...leakBody(), api_key: key });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual([{ code: 403, description: expect.stringMatching(/revoked/) }]);
    const xml = await post({ ...leakBody(), api_key: key }, 'xml');
    expect(xml.statusCode).toBe(403);
    expect(xml.body).toMatch(/<errors><error><code>403<\/code><description>[^<]+<\/description><\/error><\/errors>/);
  });
});

describe('GET /open311/v2/tokens/{token}', () => {
  it('answers the request id of a token, and 404 for an unknown one', async () => {
    const [c] = (await post(leakBody())).json() as Created[];
    const res = await ctx.app.inject({ method: 'GET', url: `/open311/v2/tokens/${c!.token}.json` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ token: c!.token, service_request_id: c!.service_request_id }]);
    const unknown = await ctx.app.inject({ method: 'GET', url: '/open311/v2/tokens/nope.json' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: expect.stringMatching(/token/) }]);
  });

  it('hides the token of a request in another street from that street’s key', async () => {
    const [c] = (await post(leakBody())).json() as Created[];
    const foreign = await ctx.app.inject({ method: 'GET', url: `/open311/v2/tokens/${c!.token}.json?api_key=${w.otherKey}` });
    expect(foreign.statusCode).toBe(404);
  });
});
