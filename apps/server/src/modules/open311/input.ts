import { type FieldValue, type ServiceField } from '@linli/contracts';
import { z } from 'zod';
import { badRequest } from './respond.js';

/** A parsed request body: form fields may repeat, so a value is one string or several. */
export type RawBody = Record<string, unknown>;

/** application/x-www-form-urlencoded → an object; repeated names (`attribute[x][]=a&…`) become arrays. */
export function parseForm(text: string): RawBody {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const prev = out[k];
    out[k] = prev === undefined ? (k.endsWith('[]') ? [v] : v) : ([] as string[]).concat(prev, v);
  }
  return out;
}

const text = (max: number) => z.string().trim().max(max).optional();
const coord = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number().min(min).max(max).optional());

export const O311PostInput = z.object({
  api_key: z.string().optional(),
  service_code: z.string().trim().min(1, 'service_code is required'),
  lat: coord(-90, 90),
  long: coord(-180, 180),
  address_string: text(200),
  address_id: text(100),
  email: z.preprocess((v) => (v === '' ? undefined : v), z.email().max(200).optional()),
  first_name: text(40),
  last_name: text(40),
  phone: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(5).max(20).optional()),
  description: text(4000),
  media_url: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .url({ protocol: /^https?$/ })
      .max(1000)
      .optional(),
  ),
});
export type O311PostInput = z.infer<typeof O311PostInput> & { attributes: Record<string, string | string[]> };

/** `attribute[code]=v` and `attribute[code][]=v` (form), or `{ attribute: { code: v } }` (JSON). */
function attributesOf(body: RawBody): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested))
    for (const [k, v] of Object.entries(nested as Record<string, unknown>)) out[k] = Array.isArray(v) ? v.map(String) : String(v);
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k);
    if (m) out[m[1]!] = m[2] ? ([] as unknown[]).concat(v).map(String) : Array.isArray(v) ? String(v[0]) : String(v);
  }
  return out;
}

/** Validates a POST body into the input of placeOpen311Request; problems answer 400 with one error each. */
export function parsePostBody(body: unknown): O311PostInput {
  const raw: RawBody = body && typeof body === 'object' && !Array.isArray(body) ? (body as RawBody) : {};
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = O311PostInput.safeParse(flat);
  if (!parsed.success) throw badRequest(...parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`));
  const input = parsed.data;
  if (!(input.lat !== undefined && input.long !== undefined) && !input.address_string && !input.address_id)
    throw badRequest('a location is required: lat and long, address_string or address_id');
  return { ...input, attributes: attributesOf(raw) };
}

/** Attribute strings as the service's field types want them (numbers, lists); the field check follows. */
export function fieldValuesOf(fields: readonly ServiceField[], attributes: Record<string, string | string[]>): Record<string, FieldValue> {
  const types = new Map(fields.map((f) => [f.code, f.type]));
  const out: Record<string, FieldValue> = {};
  for (const [code, v] of Object.entries(attributes)) {
    const type = types.get(code);
    if (type === 'multivaluelist') out[code] = ([] as string[]).concat(v).filter((x) => x !== '');
    else {
      const one = Array.isArray(v) ? (v[0] ?? '') : v;
      out[code] = type === 'number' && one.trim() !== '' && Number.isFinite(Number(one)) ? Number(one) : one;
    }
  }
  return out;
}
