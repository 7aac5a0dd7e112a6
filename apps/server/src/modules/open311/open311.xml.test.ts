import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/index.js';
import { FORM, type Open311World, buildOpen311World, form } from './test-data.js';
import { type XmlEl, child, fieldsOf, readXml } from './xml-read.test-helper.js';

const ctx = useTestApp();
let w: Open311World;
let created: { id: string; token: string; fields: Record<string, string> };

/** GETs (or POSTs) an XML variant and reads it back, checking the declaration and content type on the way. */
async function xml(url: string, status = 200, body?: Record<string, string | string[]>): Promise<XmlEl> {
  const res = await ctx.app.inject({
    method: body ? 'POST' : 'GET',
    url: `/open311/v2/${url}`,
    ...(body ? { headers: FORM, payload: form(body) } : {}),
  });
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  const doc = readXml(res.body);
  expect(doc.declaration).toBe('<?xml version="1.0" encoding="UTF-8"?>');
  return doc.root;
}

const names = (el: XmlEl) => el.children.map((c) => c.name);

beforeAll(async () => {
  w = await buildOpen311World(ctx.app, ctx.t.db);
  const root = await xml('requests.xml', 200, {
    api_key: w.key,
    service_code: w.code(w.tree.street, 'leak'),
    'attribute[room]': 'bath',
    lat: '32.5',
    long: '119.25',
    description: 'a < b & "c"',
  });
  const r = fieldsOf(child(root, 'request'));
  created = { id: r.service_request_id!, token: r.token!, fields: r };
});

describe('the XML variant of every endpoint', () => {
  it('discovery: endpoints and formats wrapped in their containers', async () => {
    const root = await xml('discovery.xml');
    expect(root.name).toBe('discovery');
    expect(fieldsOf(root).changeset).toMatch(/\+08:00$/);
    const endpoints = child(root, 'endpoints');
    expect(names(endpoints)).toEqual(['endpoint', 'endpoint']);
    const first = endpoints.children[0]!;
    expect(fieldsOf(first).specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(child(first, 'formats').children.map((f) => f.text)).toEqual(['text/xml', 'application/json']);
  });

  it('services: <services><service> with booleans as text, even for one service', async () => {
    const root = await xml(`services.xml?api_key=${w.otherKey}`);
    expect(root.name).toBe('services');
    expect(names(root)).toEqual(['service']);
    expect(fieldsOf(root.children[0]!)).toMatchObject({
      service_code: w.code(w.other.street, 'leak'),
      metadata: 'false',
      type: 'realtime',
    });
  });

  it('service definition: <service_definition><attributes><attribute>…<values><value>', async () => {
    const root = await xml(`services/${w.code(w.tree.street, 'leak')}.xml`);
    expect(root.name).toBe('service_definition');
    const attrs = child(root, 'attributes');
    expect(names(attrs)).toEqual(['attribute', 'attribute', 'attribute', 'attribute', 'attribute']);
    const room = attrs.children[0]!;
    expect(fieldsOf(room)).toMatchObject({ variable: 'true', code: 'room', datatype: 'singlevaluelist', required: 'true', order: '1' });
    expect(child(room, 'values').children.map((v) => fieldsOf(v))).toEqual([
      { key: 'kitchen', name: '厨房' },
      { key: 'bath', name: '卫生间' },
    ]);
  });

  it('POST answer: <service_requests><request> with id, token and an empty account_id', async () => {
    expect(created.id).toMatch(/^\d+$/);
    expect(created.token.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(created.fields)).toEqual(['service_request_id', 'token', 'service_notice', 'account_id']);
    expect(created.fields.account_id).toBe('');
    expect(created.fields.service_notice).toMatch(/天/);
  });

  it('requests and one request: <service_requests><request>, escaped text and numbers back', async () => {
    for (const url of [`requests.xml?api_key=${w.key}`, `requests/${created.id}.xml`]) {
      const root = await xml(url);
      expect(root.name).toBe('service_requests');
      expect(names(root)).toEqual(['request']);
      const r = fieldsOf(root.children[0]!);
      expect(r).toMatchObject({
        service_request_id: created.id,
        status: 'open',
        description: 'a < b & "c"',
        lat: '32.5',
        long: '119.25',
        zipcode: '',
      });
      expect(r.requested_datetime).toMatch(/\+08:00$/);
    }
  });

  it('tokens: <service_requests><request> with token and id', async () => {
    const root = await xml(`tokens/${created.token}.xml`);
    expect(root.name).toBe('service_requests');
    expect(root.children.map(fieldsOf)).toEqual([{ token: created.token, service_request_id: created.id }]);
  });

  it('errors: <errors><error><code/><description/> for 400, 403 and 404', async () => {
    const cases: [string, number, Record<string, string> | undefined][] = [
      ['requests.xml', 400, { api_key: w.key, service_code: w.code(w.tree.street, 'leak') }],
      ['requests.xml', 403, { service_code: w.code(w.tree.street, 'leak'), lat: '1', long: '1' }],
      ['requests/424242.xml', 404, undefined],
      [`services/${w.tree.street.code}-nope.xml`, 404, undefined],
      ['tokens/nope.xml', 404, undefined],
      ['requests.xml?status=maybe', 400, undefined],
      ['nothing-here.xml', 404, undefined],
    ];
    for (const [url, status, body] of cases) {
      const root = await xml(url, status, body);
      expect(root.name).toBe('errors');
      expect(names(root).every((n) => n === 'error') && root.children.length > 0).toBe(true);
      for (const e of root.children) {
        expect(fieldsOf(e).code).toBe(String(status));
        expect(fieldsOf(e).description!.length).toBeGreaterThan(0);
      }
    }
  });
});
