import { type OrderStatus } from '@linli/contracts';
import type { Ctx, VerbArgs } from '../../../core/context.js';
import { scopeOfKey } from '../access.js';
import { presentUpdate } from '../presenter.js';
import { listStatusChangesInStreet } from '../repo-updates.js';
import { badRequest } from '../respond.js';
import { MAX_REQUESTS, type O311Update, type O311UpdatesQuery } from '../wire.js';

const DAY_MS = 86_400_000;
const MAX_WINDOW_DAYS = 90;

/**
 * GET /servicerequestupdates (FixMyStreet's extension): the status changes between start_date and end_date
 * (default: the 24 hours up to end_date or now), oldest first, at most 1000; a client polls with its last
 * updated_datetime as the next start_date. Keys scope it like GET /requests: none → every street, one → its street.
 */
export async function listO311Updates({ ctx, input: q }: VerbArgs<O311UpdatesQuery, Ctx>): Promise<O311Update[]> {
  const scope = await scopeOfKey(ctx.db, q.api_key);
  const to = q.end_date ? new Date(q.end_date) : new Date();
  const from = q.start_date ? new Date(q.start_date) : new Date(to.getTime() - DAY_MS);
  if (from > to) throw badRequest('start_date must not be after end_date');
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS)
    throw badRequest(`start_date to end_date spans more than ${MAX_WINDOW_DAYS} days`);
  const rows = await listStatusChangesInStreet(ctx.db, scope.streetId, { from, to, limit: MAX_REQUESTS });
  return rows.flatMap((e) => (e.toStatus ? [presentUpdate({ ...e, toStatus: e.toStatus as OrderStatus })] : []));
}
