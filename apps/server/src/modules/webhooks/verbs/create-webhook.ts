import type { CreateWebhookInput, CreatedWebhook } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { findNode } from '../../areas/repo.js';
import { auditedWebhook } from '../access.js';
import { WEBHOOK_MESSAGES } from '../messages.js';
import { canManageWebhook } from '../policy.js';
import { presentWebhook } from '../presenter.js';
import { findWebhook, insertWebhook } from '../repo.js';
import { newWebhookSecret } from '../signature.js';

/** Subscribes a URL to a street's (or the district's) order events; the answer is the only time the secret shows. */
export async function createWebhook({ ctx, input }: VerbArgs<CreateWebhookInput>): Promise<CreatedWebhook> {
  requireAbility(ctx.actor, 'integrations.manage');
  const secret = newWebhookSecret();
  const id = await inTx(ctx, async (tctx) => {
    const area = authorize(await findNode(tctx.tx, input.areaId), { see: (a) => canManageWebhook(ctx.actor, a), entity: 'area' });
    if (area.kind !== 'street' && area.kind !== 'district')
      throw invalid([{ path: 'areaId', message: WEBHOOK_MESSAGES.areaKind()[ctx.locale] }]);
    const hookId = await insertWebhook(tctx.tx, {
      name: input.name,
      url: input.url,
      events: input.events,
      secretEnc: ctx.pii.encrypt(secret),
      areaId: area.id,
      districtId: area.districtId!,
      streetId: area.kind === 'street' ? area.id : null,
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tctx, {
      action: 'webhook.create',
      ...auditedWebhook({ id: hookId, streetId: area.streetId }),
      details: { name: input.name, events: input.events },
    });
    return hookId;
  });
  return { ...presentWebhook(ctx.actor, (await findWebhook(ctx.db, id))!), secret };
}
