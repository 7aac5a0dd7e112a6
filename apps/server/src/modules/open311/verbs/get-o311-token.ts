import type { Ctx, VerbArgs } from '../../../core/context.js';
import { scopeOfKey } from '../access.js';
import { findTokenInStreet } from '../repo-requests.js';
import { missing } from '../respond.js';
import type { O311Tokens } from '../wire.js';

/** GET /tokens/:token: the service request id an earlier POST's token stands for; 404 outside the scope. */
export async function getO311Token({ ctx, input }: VerbArgs<{ apiKey: string | undefined; token: string }, Ctx>): Promise<O311Tokens> {
  const scope = await scopeOfKey(ctx.db, input.apiKey);
  const row = await findTokenInStreet(ctx.db, scope.streetId, input.token);
  if (!row) throw missing(`token ${input.token}`);
  return [{ token: input.token, service_request_id: row.orderNo }];
}
