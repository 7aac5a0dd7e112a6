import type { Ctx, VerbArgs } from '../../../core/context.js';
import { findO311Service, scopeOfKey } from '../access.js';
import { presentDefinition } from '../presenter.js';
import type { O311ServiceDefinition } from '../wire.js';

export type ServiceDefinitionInput = { apiKey: string | undefined; serviceCode: string };

/** GET /services/:service_code: the custom attributes of one active service in the scope; 404 otherwise. */
export async function getO311ServiceDefinition({ ctx, input }: VerbArgs<ServiceDefinitionInput, Ctx>): Promise<O311ServiceDefinition> {
  const scope = await scopeOfKey(ctx.db, input.apiKey);
  return presentDefinition(await findO311Service(ctx.db, scope, input.serviceCode));
}
