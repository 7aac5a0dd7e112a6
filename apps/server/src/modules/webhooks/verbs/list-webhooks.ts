import type { WebhookList } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { presentWebhook } from '../presenter.js';
import { listWebhooksInScope } from '../repo.js';

/** The webhooks of the areas the actor manages, newest first. */
export async function listWebhooks({ ctx }: VerbArgs): Promise<WebhookList> {
  requireAbility(ctx.actor, 'integrations.manage');
  return { items: (await listWebhooksInScope(ctx.db, ctx.actor)).map((r) => presentWebhook(ctx.actor, r)) };
}
