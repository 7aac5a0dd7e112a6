import { randomUUID } from 'node:crypto';
import { DEFAULT_DEMO_OPEN311_KEY } from '../../config.js';
import type { DemoRows } from './demo-rows.js';
import type { OpenApiSchema, Operation, Send } from './send.js';

/** A small seeded PRNG (mulberry32) so a run can be repeated exactly. */
export function seededRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}
type Rng = ReturnType<typeof seededRng>;

/** Values no schema wants: wrong types, edges of text (huge, NUL, lone surrogates, RTL, zero-width), injections. */
export const NASTY: readonly unknown[] = [
  null,
  true,
  -1,
  0,
  1e308,
  -0.5,
  Number.MAX_SAFE_INTEGER,
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202eRTL\u202c',
  '\u200b\u200d\ufeff',
  'e\u0301\u0301\u0301',
  '𠀀𝕏🧑‍🤝‍🧑',
  "' OR 1=1 --",
  '"; DROP TABLE residents; --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00%ff%fe',
  '2026-02-30T25:61:00Z',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  'x'.repeat(100_000),
  '长'.repeat(20_000),
  [],
  [null],
  {},
  { $ne: 1 },
  { __proto__: { polluted: 1 } },
  Array.from({ length: 200 }, () => 'a'),
];

function sample(s: OpenApiSchema | undefined, rng: Rng, rows: DemoRows, depth = 0): unknown {
  if (!s || depth > 4) return 'x';
  if (s.enum?.length) return rng.pick(s.enum);
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(rng.pick(alt), rng, rows, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (s.format === 'uuid') return rng.pick([rows.household.lvyang, rows.resident.lvyang, rows.building.lvyang, randomUUID()]);
  if (s.format === 'date-time') return new Date().toISOString();
  switch (type) {
    case 'integer':
    case 'number':
      return Math.floor(rng.next() * 10);
    case 'boolean':
      return rng.next() < 0.5;
    case 'array':
      return [sample(s.items, rng, rows, depth + 1)];
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, rng, rows, depth + 1)]));
    default:
      return '测试';
  }
}

export type FuzzCase = { method: string; url: string; headers?: Record<string, string>; payload?: string | Buffer; what: string };

const fillPath = (path: string, rows: DemoRows, rng: Rng) =>
  path.replace(
    /\{(\w+)\}/g,
    () =>
      rng.pick([rows.household.lvyang, rows.resident.lvyang, rows.order.lvyang, rows.community.lvyang, randomUUID(), 'not-a-uuid']) ?? 'x',
  );

function bodyCase(o: Operation, schema: OpenApiSchema, rng: Rng, rows: DemoRows): FuzzCase {
  const valid = (sample(schema, rng, rows) ?? {}) as Record<string, unknown>;
  const props = Object.keys(schema.properties ?? {});
  const url = fillPath(o.path, rows, rng);
  const json = (v: unknown, what: string): FuzzCase => ({
    method: o.method,
    url,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(v),
    what,
  });
  const k = rng.next();
  if (k < 0.08) return { method: o.method, url, headers: { 'content-type': 'application/json' }, payload: '{"a":', what: 'malformed JSON' };
  if (k < 0.12)
    return { method: o.method, url, headers: { 'content-type': 'text/plain' }, payload: 'a\u0000b', what: 'wrong content type' };
  if (k < 0.16) return json(rng.pick(NASTY), 'a body of the wrong type');
  if (k < 0.22) return json({}, 'every field missing');
  if (k < 0.3) return json({ ...valid, ['extra_' + Math.floor(rng.next() * 1e6)]: rng.pick(NASTY), __proto__x: 1 }, 'extra fields');
  const field = props.length ? rng.pick(props) : 'x';
  if (k < 0.4) {
    const rest = { ...valid };
    delete rest[field];
    return json(rest, `without ${field}`);
  }
  return json({ ...valid, [field]: rng.pick(NASTY) }, `${field} nasty`);
}

function queryCase(o: Operation, rng: Rng, rows: DemoRows): FuzzCase {
  const params = (o.op.parameters ?? []).filter((p) => p.in === 'query');
  const q = new URLSearchParams();
  for (const p of params) if (p.required || rng.next() < 0.3) q.set(p.name, String(sample(p.schema, rng, rows)));
  const target = rng.pick(params);
  const v = rng.pick(NASTY);
  q.set(
    rng.next() < 0.9 ? target.name : `extra${Math.floor(rng.next() * 100)}`,
    typeof v === 'string' ? v.slice(0, 4000) : (JSON.stringify(v) ?? ''),
  );
  return { method: o.method, url: `${fillPath(o.path, rows, rng)}?${q.toString()}`, what: `query ${target.name} nasty` };
}

function multipartCase(o: Operation, rng: Rng, rows: DemoRows): FuzzCase {
  const boundary = '----linlifuzz' + Math.floor(rng.next() * 1e9);
  const bodies = [
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nnot really a workbook`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\n\u0000\u0000--${boundary}--\r\n`,
    `--wrong\r\n\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="\u0000../../x"\r\nContent-Type: image/png\r\n\r\n\x89PNG--${boundary}--\r\n`,
  ];
  const header = rng.next() < 0.2 ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}`;
  return {
    method: o.method,
    url: fillPath(o.path, rows, rng),
    headers: { 'content-type': header },
    payload: rng.pick(bodies),
    what: 'malformed multipart',
  };
}

/** Operations a fuzzer may call without ending its own session or streaming forever. */
const SPARED = new Set(['POST /api/auth/logout', 'POST /api/me/password', 'GET /api/notifications/stream', 'POST /api/auth/login']);

/** The operations fuzzed: those with a body or a query schema (and multipart uploads). */
export function fuzzTargets(ops: readonly Operation[]): Operation[] {
  return ops.filter(
    (o) =>
      !SPARED.has(`${o.method} ${o.path}`) && (o.op.requestBody || o.op.parameters?.some((p) => p.in === 'query') || o.method === 'POST'),
  );
}

const OPEN311_FIELDS = [
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'phone',
  'description',
  'media_url',
  'attribute[x]',
  'attribute[x][]',
  'first_name',
];

/** Open311 POSTs are form-encoded with the demo's key (so they get past it) and one nasty field. */
function open311Case(o: Operation, rng: Rng, rows: DemoRows): FuzzCase {
  const form = new URLSearchParams({
    api_key: DEFAULT_DEMO_OPEN311_KEY,
    service_code: rows.serviceCode.lvyang ?? '',
    lat: '32.41',
    long: '119.40',
  });
  const v = rng.pick(NASTY);
  form.set(rng.pick(OPEN311_FIELDS), typeof v === 'string' ? v.slice(0, 5000) : (JSON.stringify(v) ?? ''));
  const url = fillPath(o.path, rows, rng);
  if (rng.next() < 0.2)
    return {
      method: o.method,
      url,
      headers: { 'content-type': 'application/json' },
      payload: '{"api_key":',
      what: 'open311 malformed JSON',
    };
  return {
    method: o.method,
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
    what: 'open311 form nasty',
  };
}

export function fuzzCase(o: Operation, rng: Rng, rows: DemoRows): FuzzCase {
  if (o.path.startsWith('/open311/') && o.method === 'POST') return open311Case(o, rng, rows);
  const content = o.op.requestBody?.content ?? {};
  if (content['multipart/form-data'] || /attachments$|imports$|evidence$/.test(o.path)) return multipartCase(o, rng, rows);
  const schema = content['application/json']?.schema;
  const hasQuery = o.op.parameters?.some((p) => p.in === 'query');
  if (schema && (!hasQuery || rng.next() < 0.7)) return bodyCase(o, schema, rng, rows);
  if (hasQuery) return queryCase(o, rng, rows);
  return bodyCase(o, { type: 'object', properties: {} }, rng, rows);
}

/** What an answer must never show: stack frames, SQL, file paths. */
const INTERNALS = [
  /\bat .+\.(ts|js):\d+/,
  /node_modules/,
  /\/work\/|\/home\/|\/usr\/|[A-Z]:\\/,
  /\bSELECT\b.+\bFROM\b/i,
  /\bINSERT INTO\b/i,
  /syntax error at/i,
  /violates .* constraint/i,
  /"stack"/,
];

export type FuzzFinding = { operation: string; what: string; status: number; problem: string };

/** Answers a reader sees as text; a workbook, a PDF or an image is compressed bytes where the patterns match by chance. */
const TEXT_TYPE = /^(application\/(json|xml|problem\+json)|text\/)/;

export function judge(o: Operation, c: FuzzCase, status: number, body: string, contentType = 'application/json'): FuzzFinding | null {
  const operation = `${o.method} ${o.path}`;
  if (status >= 500) return { operation, what: c.what, status, problem: `answered ${status}: ${body.slice(0, 200)}` };
  const leak = TEXT_TYPE.test(contentType) ? INTERNALS.find((re) => re.test(body)) : undefined;
  if (leak) return { operation, what: c.what, status, problem: `shows internals (${leak}): ${body.slice(0, 200)}` };
  return null;
}

export type FuzzResult = {
  requests: number;
  findings: FuzzFinding[];
  accepted: Map<string, number>;
  countsCompared: number;
  /** how many answers had each status */
  statuses: Map<number, number>;
};

type Counts = () => Promise<Record<string, number>>;

/**
 * Sends `total` fuzzed requests spread evenly over `targets` as `send` (seeded: the same seed sends the same
 * cases), one operation's batch at a time. With `counts`, the watched tables are counted around each batch: a batch
 * the server rejected entirely must leave them as they were. `accepted` counts 2xx answers per operation.
 */
export async function runFuzz(
  targets: readonly Operation[],
  rows: DemoRows,
  send: Send,
  opts: { seed: number; total: number; concurrency?: number; counts?: Counts },
): Promise<FuzzResult> {
  const rng = seededRng(opts.seed);
  const out: FuzzResult = { requests: 0, findings: [], accepted: new Map(), countsCompared: 0, statuses: new Map() };
  const width = opts.concurrency ?? 4;
  for (const [i, o] of targets.entries()) {
    const n = Math.floor(opts.total / targets.length) + (i < opts.total % targets.length ? 1 : 0);
    const cases = Array.from({ length: n }, () => fuzzCase(o, rng, rows));
    const operation = `${o.method} ${o.path}`;
    // a GET stores nothing by design; the tables are counted around the batches of writes
    const before = opts.counts && o.method !== 'GET' && (await opts.counts());
    let accepted = 0;
    for (let j = 0; j < cases.length; j += width) {
      await Promise.all(
        cases.slice(j, j + width).map(async (c) => {
          const res = await send({ method: c.method, url: c.url, headers: c.headers, payload: c.payload });
          out.requests++;
          out.statuses.set(res.statusCode, (out.statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode < 300) accepted++;
          const f = judge(o, c, res.statusCode, res.body, String(res.headers['content-type'] ?? ''));
          if (f) out.findings.push(f);
        }),
      );
    }
    if (accepted) out.accepted.set(operation, accepted);
    if (before && !accepted && n) {
      const after = await opts.counts!();
      out.countsCompared++;
      const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
      if (changed.length)
        out.findings.push({
          operation,
          what: 'every request rejected',
          status: 400,
          problem: `rows stored anyway: ${changed.map((t) => `${t} ${before[t]} → ${after[t]}`).join(', ')}`,
        });
    }
  }
  return out;
}
