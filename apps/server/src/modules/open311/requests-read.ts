import { z } from 'zod';
import type { Db } from '../../db/pool.js';
import { scopeOfKey } from './api-key.js';
import { findO311Request, findO311Token, listO311Requests } from './requests-repo.js';
import { presentRequest } from './requests-present.js';
import { badRequest, missing } from './respond.js';
import type { O311Request, O311Tokens } from './wire.js';

const DEFAULT_DAYS = 90;
export const MAX_REQUESTS = 1000;

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

/**
 * GET /requests: by ids (then the other filters are ignored, as GeoReport v2 says), or by service, status and
 * dates; without dates the last 90 days; at most 1000 per page.
 */
export async function listO311RequestsFor(db: Db, q: O311RequestQuery): Promise<O311Request[]> {
  const scope = await scopeOfKey(db, q.api_key);
  const to = q.end_date ? new Date(q.end_date) : undefined;
  let from = q.start_date ? new Date(q.start_date) : undefined;
  if (from && to && from > to) throw badRequest('start_date must not be after end_date');
  if (!from && !q.service_request_id) from = new Date((to ?? new Date()).getTime() - DEFAULT_DAYS * 86_400_000);
  const filter = q.service_request_id ? { ids: q.service_request_id } : { serviceCodes: q.service_code, statuses: q.status, from, to };
  const rows = await listO311Requests(db, scope, { ...filter, limit: q.page_size, offset: (q.page - 1) * q.page_size });
  return rows.map(presentRequest);
}

/** One request as a one-element list; 404 outside the scope. */
export async function getO311Request(db: Db, apiKey: string | undefined, id: string): Promise<O311Request[]> {
  const row = await findO311Request(db, await scopeOfKey(db, apiKey), id);
  if (!row) throw missing(`service_request_id ${id}`);
  return [presentRequest(row)];
}

export async function getO311Token(db: Db, apiKey: string | undefined, token: string): Promise<O311Tokens> {
  const row = await findO311Token(db, await scopeOfKey(db, apiKey), token);
  if (!row) throw missing(`token ${token}`);
  return [{ token, service_request_id: row.orderNo }];
}
