import type { Ctx, VerbArgs } from '../../../core/context.js';
import { scopeOfKey } from '../access.js';
import { presentRequest } from '../presenter.js';
import { listRequestsInStreet } from '../repo-requests.js';
import { badRequest } from '../respond.js';
import type { O311Request, O311RequestQuery } from '../wire.js';

const DEFAULT_DAYS = 90;

/**
 * GET /requests: by ids (then the other filters are ignored, as GeoReport v2 says), or by service, status and
 * dates; without dates the last 90 days; at most 1000 per page.
 */
export async function listO311Requests({ ctx, input: q }: VerbArgs<O311RequestQuery, Ctx>): Promise<O311Request[]> {
  const scope = await scopeOfKey(ctx.db, q.api_key);
  const to = q.end_date ? new Date(q.end_date) : undefined;
  let from = q.start_date ? new Date(q.start_date) : undefined;
  if (from && to && from > to) throw badRequest('start_date must not be after end_date');
  if (!from && !q.service_request_id) from = new Date((to ?? new Date()).getTime() - DEFAULT_DAYS * 86_400_000);
  const filter = q.service_request_id ? { ids: q.service_request_id } : { serviceCodes: q.service_code, statuses: q.status, from, to };
  const rows = await listRequestsInStreet(ctx.db, scope.streetId, { ...filter, limit: q.page_size, offset: (q.page - 1) * q.page_size });
  return rows.map(presentRequest);
}
