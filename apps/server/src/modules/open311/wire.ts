import { ServiceFieldType } from '@linli/contracts';
import { z } from 'zod';

/** Most requests one GET /requests answers (GeoReport v2 leaves the cap to the server). */
export const MAX_REQUESTS = 1000;

/** Open311 GeoReport v2 shapes as sent on the wire (snake_case; ids and codes are strings). */
export const O311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string().nullable(),
  metadata: z.boolean(),
  type: z.literal('realtime'),
  keywords: z.string().nullable(),
  group: z.string().nullable(),
});
export type O311Service = z.infer<typeof O311Service>;

export const O311Attribute = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: ServiceFieldType,
  required: z.boolean(),
  datatype_description: z.string().nullable(),
  order: z.number().int(),
  description: z.string(),
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
});

export const O311ServiceDefinition = z.object({ service_code: z.string(), attributes: z.array(O311Attribute) });
export type O311ServiceDefinition = z.infer<typeof O311ServiceDefinition>;

export const O311Request = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string().nullable(),
  service_code: z.string(),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string().nullable(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type O311Request = z.infer<typeof O311Request>;

export const O311Created = z.array(
  z.object({
    service_request_id: z.string(),
    token: z.string(),
    service_notice: z.string().nullable(),
    account_id: z.string().nullable(),
  }),
);
export type O311Created = z.infer<typeof O311Created>;

/** One status change as FixMyStreet's `servicerequestupdates` extension reads it (`<request_update>`). */
export const O311Update = z.object({
  update_id: z.string(),
  service_request_id: z.string(),
  /** FixMyStreet's state names (open, action_scheduled, in_progress, investigating, fixed, closed, duplicate) */
  status: z.string(),
  updated_datetime: z.string(),
  description: z.string(),
  media_url: z.string().nullable(),
  /** the order's own status in Linli */
  external_status_code: z.string(),
});
export type O311Update = z.infer<typeof O311Update>;

export const O311Tokens = z.array(z.object({ token: z.string(), service_request_id: z.string() }));
export type O311Tokens = z.infer<typeof O311Tokens>;

export const O311Errors = z.array(z.object({ code: z.number().int(), description: z.string() }));
export type O311Errors = z.infer<typeof O311Errors>;

export const O311Discovery = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});
export type O311Discovery = z.infer<typeof O311Discovery>;

const csv = z
  .string()
  .optional()
  .transform((s) =>
    s
      ?.split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .transform((a) => (a?.length ? a : undefined));
const isoTime = z.iso.datetime({ offset: true, local: false }).optional();

/** The query of GET /requests (GeoReport v2 names; lists comma-separated). */
export const O311RequestQuery = z.object({
  api_key: z.string().optional(),
  jurisdiction_id: z.string().optional(),
  service_request_id: csv,
  service_code: csv,
  start_date: isoTime,
  end_date: isoTime,
  /** open, closed or both, comma-separated */
  status: csv.pipe(z.array(z.enum(['open', 'closed'])).optional()),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(MAX_REQUESTS).default(MAX_REQUESTS),
});
export type O311RequestQuery = z.infer<typeof O311RequestQuery>;

/** The query of GET /servicerequestupdates: a time window (the last 24 hours by default, at most 90 days). */
export const O311UpdatesQuery = z.object({
  api_key: z.string().optional(),
  jurisdiction_id: z.string().optional(),
  start_date: isoTime,
  end_date: isoTime,
});
export type O311UpdatesQuery = z.infer<typeof O311UpdatesQuery>;

/** Element names of list items in the XML variant (GeoReport v2 containers). */
export const XML_ITEMS = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  service_requests_updates: 'request_update',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
} as const;

const CHINA_OFFSET_MS = 8 * 3600_000;

/** ISO 8601 in China time with its offset (`2026-01-01T08:00:00+08:00`), as GeoReport v2 wants a timezone. */
export function o311Time(d: Date): string;
export function o311Time(d: Date | null): string | null;
export function o311Time(d: Date | null): string | null {
  if (!d) return null;
  return `${new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
