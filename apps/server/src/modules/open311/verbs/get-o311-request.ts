import type { Ctx, VerbArgs } from '../../../core/context.js';
import { scopeOfKey } from '../access.js';
import { presentRequest } from '../presenter.js';
import { findRequestInStreet } from '../repo-requests.js';
import { missing } from '../respond.js';
import type { O311Request } from '../wire.js';

/** GET /requests/:service_request_id: one request as a one-element list; 404 outside the scope. */
export async function getO311Request({ ctx, input }: VerbArgs<{ apiKey: string | undefined; id: string }, Ctx>): Promise<O311Request[]> {
  const scope = await scopeOfKey(ctx.db, input.apiKey);
  const row = await findRequestInStreet(ctx.db, scope.streetId, input.id);
  if (!row) throw missing(`service_request_id ${input.id}`);
  return [presentRequest(row)];
}
