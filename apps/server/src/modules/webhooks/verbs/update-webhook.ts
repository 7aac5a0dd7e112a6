import type { UpdateWebhookInput, WebhookDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { auditedWebhook, manageableWebhook } from '../access.js';
import { presentWebhook } from '../presenter.js';
import { findWebhook, updateWebhookRow } from '../repo.js';

export type UpdateWebhookArgs = UpdateWebhookInput & { id: string };

/** Changes a webhook's name, url, events or active flag. */
export async function updateWebhook({ ctx, input }: VerbArgs<UpdateWebhookArgs>): Promise<WebhookDto> {
  const { id, ...patch } = input;
  await inTx(ctx, async (tctx) => {
    const row = await manageableWebhook(tctx.tx, ctx.actor, id, true);
    await updateWebhookRow(tctx.tx, row.id, patch);
    await writeAudit(tctx, { action: 'webhook.update', ...auditedWebhook(row), details: { fields: Object.keys(patch) } });
  });
  return presentWebhook(ctx.actor, (await findWebhook(ctx.db, id))!);
}
