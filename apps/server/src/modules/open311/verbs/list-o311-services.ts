import type { Ctx, VerbArgs } from '../../../core/context.js';
import { scopeOfKey } from '../access.js';
import { presentService } from '../presenter.js';
import { listActiveServices } from '../repo-services.js';
import type { O311Service } from '../wire.js';

/** GET /services: the active services of the key's street, or of every street when no key was given. */
export async function listO311Services({ ctx, input }: VerbArgs<{ apiKey: string | undefined }, Ctx>): Promise<O311Service[]> {
  const scope = await scopeOfKey(ctx.db, input.apiKey);
  return (await listActiveServices(ctx.db, scope.streetId)).map(presentService);
}
