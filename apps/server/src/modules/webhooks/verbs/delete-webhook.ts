import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { auditedWebhook, manageableWebhook } from '../access.js';
import { deleteWebhookRow } from '../repo.js';

/** Deletes a webhook with its delivery history. */
export async function deleteWebhook({ ctx, input }: VerbArgs<{ id: string }>): Promise<{ ok: true }> {
  await inTx(ctx, async (tctx) => {
    const row = await manageableWebhook(tctx.tx, ctx.actor, input.id, true);
    await deleteWebhookRow(tctx.tx, row.id);
    await writeAudit(tctx, { action: 'webhook.delete', ...auditedWebhook(row), details: { name: row.name } });
  });
  return { ok: true };
}
