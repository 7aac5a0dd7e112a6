import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../config.js';
import { buildOrderRow, useTestApp } from '../../testing/index.js';
import { FORM, type Open311World, buildOpen311World, form } from './test-data.js';

/**
 * The published GeoReport v2 schemas, read where they live (never copied into the project): OPEN311_SCHEMA_DIR, else
 * `shared/open311/` beside the checkout or beside one of its parents (a CI clone may live elsewhere), else /work/shared.
 */
function schemaDir(): string {
  const tail = 'shared/open311/georeport-v2-schemas';
  const candidates = [process.env.OPEN311_SCHEMA_DIR ?? ''];
  for (let dir = path.resolve(REPO_ROOT, '..'); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, tail));
    if (dir === path.dirname(dir)) break;
  }
  candidates.push(path.join('/work', tail));
  const found = candidates.find((c) => c && fs.existsSync(path.join(c, 'request.json')));
  if (!found) throw new Error(`the Open311 schemas are not in any of ${candidates.filter(Boolean).join(', ')}; set OPEN311_SCHEMA_DIR`);
  return found;
}
const SCHEMA_DIR = schemaDir();
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8')) as object;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(load('request.json'), 'request.json');
ajv.addSchema(load('service.json'), 'service.json');
const schemas: Record<string, ValidateFunction> = {
  services: ajv.compile(load('services.json')),
  definition: ajv.compile(load('service-definition.json')),
  requests: ajv.compile(load('requests.json')),
  request: ajv.getSchema('request.json')!,
};

function expectValid(which: keyof typeof schemas, body: unknown) {
  const validate = schemas[which]!;
  const ok = validate(body);
  expect(ok, `${which}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

const ctx = useTestApp();
let w: Open311World;

beforeAll(async () => {
  w = await buildOpen311World(ctx.app, ctx.t.db);
  const posted = await ctx.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: FORM,
    payload: form({
      api_key: w.key,
      service_code: w.code(w.tree.street, 'leak'),
      lat: '32.3942',
      long: '119.4129',
      description: '楼上漏水',
      'attribute[room]': 'kitchen',
      'attribute[signs][]': ['drip', 'mould'],
      media_url: 'https://example.org/p/1.jpg',
    }),
  });
  expect(posted.statusCode, posted.body).toBe(200);
  await buildOrderRow(ctx.t.db, w.leak, w.tree.building, { status: 'closed', closedAt: new Date(), outcome: 'resolved' });
});

describe('Open311 answers validate against the published GeoReport v2 schemas', () => {
  it('services list, without and with an api_key', async () => {
    for (const url of ['/open311/v2/services.json', `/open311/v2/services.json?api_key=${w.key}`]) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.json()).not.toHaveLength(0);
      expectValid('services', res.json());
    }
  });

  it('service definition with every datatype', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/open311/v2/services/${w.code(w.tree.street, 'leak')}.json` });
    expect(res.statusCode).toBe(200);
    expectValid('definition', res.json());
    const empty = await ctx.app.inject({ method: 'GET', url: `/open311/v2/services/${w.code(w.tree.street, 'clean')}.json` });
    expectValid('definition', empty.json());
  });

  it('request list and each request', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/open311/v2/requests.json' });
    expect(res.statusCode).toBe(200);
    const list = res.json() as { service_request_id: string; status: string }[];
    expect(list.map((r) => r.status).sort()).toEqual(['closed', 'open']);
    expectValid('requests', list);
    for (const r of list) expectValid('request', r);
  });

  it('one request, as a one-element list', async () => {
    const [first] = (await ctx.app.inject({ method: 'GET', url: '/open311/v2/requests.json' })).json() as { service_request_id: string }[];
    const res = await ctx.app.inject({ method: 'GET', url: `/open311/v2/requests/${first!.service_request_id}.json` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(1);
    expectValid('requests', res.json());
    expectValid('request', (res.json() as unknown[])[0]);
  });

  it('the oracle itself rejects a wrong shape (numeric id, unknown status)', () => {
    expect(
      schemas.request!({ service_request_id: 1, status: 'open', service_code: 'x', requested_datetime: '2026-01-01T08:00:00+08:00' }),
    ).toBe(false);
    expect(
      schemas.request!({ service_request_id: '1', status: 'placed', service_code: 'x', requested_datetime: '2026-01-01T08:00:00+08:00' }),
    ).toBe(false);
  });
});
