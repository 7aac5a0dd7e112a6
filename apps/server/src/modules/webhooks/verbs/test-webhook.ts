import type { WebhookDeliveryDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import type { VerbArgs } from '../../../core/context.js';
import { auditedWebhook, manageableWebhook } from '../access.js';
import { presentDelivery } from '../presenter.js';
import { findDelivery, insertDelivery, recordDeliveryOutcome } from '../repo.js';
import { sendWebhook } from '../send.js';

/**
 * Sends a signed `ping` at once (no retries) and records it among the deliveries, so the receiver can be checked.
 * No transaction: the request to the receiver must not hold one open.
 */
export async function testWebhook({ ctx, input }: VerbArgs<{ id: string }>): Promise<WebhookDeliveryDto> {
  const hook = await manageableWebhook(ctx.db, ctx.actor, input.id);
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
    { url: hook.url, secret: ctx.pii.decrypt(hook.secretEnc) },
    { id: delivery.id, type: 'ping', body: JSON.stringify(payload) },
  );
  await recordDeliveryOutcome(ctx.db, delivery.id, out, out.ok ? 'delivered' : 'failed', null);
  await writeAudit(ctx, { action: 'webhook.test', ...auditedWebhook(hook), details: { status: out.status } });
  return presentDelivery((await findDelivery(ctx.db, delivery.id))!);
}
