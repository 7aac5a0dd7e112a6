import type { WebhookDeliveryList } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { manageableWebhook } from '../access.js';
import { presentDelivery } from '../presenter.js';
import { recentDeliveries } from '../repo.js';

/** The webhook's 50 latest deliveries, newest first. */
export async function listWebhookDeliveries({ ctx, input }: VerbArgs<{ id: string }>): Promise<WebhookDeliveryList> {
  const hook = await manageableWebhook(ctx.db, ctx.actor, input.id);
  return { items: (await recentDeliveries(ctx.db, hook.id)).map(presentDelivery) };
}
