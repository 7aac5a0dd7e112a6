import type { WebhookDeliveryDto, WebhookDeliveryList } from '@linli/contracts';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import type { Pii } from '../../core/pii.js';
import { recordAttempt } from '../../jobs/webhook-pass.js';
import { presentDelivery } from './presenter.js';
import { findDelivery, insertDelivery, recentDeliveries } from './repo.js';
import { sendWebhook } from './send.js';
import { manageableWebhook } from './service.js';

/** The webhook's 50 latest deliveries, newest first. */
export async function listWebhookDeliveries({ ctx, input }: { ctx: AuthedCtx; input: { id: string } }): Promise<WebhookDeliveryList> {
  const hook = await manageableWebhook(ctx, input.id);
  return { items: (await recentDeliveries(ctx.db, hook.id)).map(presentDelivery) };
}

/** Sends a signed `ping` at once (no retries) and records it among the deliveries, so the receiver can be checked. */
export async function testWebhook({ ctx, pii, input }: { ctx: AuthedCtx; pii: Pii; input: { id: string } }): Promise<WebhookDeliveryDto> {
  const hook = await manageableWebhook(ctx, input.id);
  const now = new Date();
  const payload = { id: `ping-${now.getTime()}`, type: 'ping', createdAt: now.toISOString(), webhook: { id: hook.id, name: hook.name } };
  const delivery = await insertDelivery(ctx.db, {
    webhookId: hook.id,
    eventId: null,
    payload,
    attempts: 1,
    nextAttemptAt: new Date(now.getTime() + 24 * 3600_000),
  });
  const out = await sendWebhook(
    { url: hook.url, secret: pii.decrypt(hook.secretEnc) },
    { id: delivery.id, type: 'ping', body: JSON.stringify(payload) },
  );
  await recordAttempt(ctx.db, delivery, out, now, false);
  await writeAudit(ctx.db, ctx, {
    action: 'webhook.test',
    entityType: 'webhook',
    entityId: hook.id,
    streetId: hook.streetId,
    details: { status: out.status },
  });
  return presentDelivery((await findDelivery(ctx.db, delivery.id))!);
}
