import type { CreateWebhookInput, CreatedWebhook, UpdateWebhookInput, WebhookDto, WebhookList } from '@linli/contracts';
import { hasAbility } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import type { Pii } from '../../core/pii.js';
import { findNode } from '../areas/repo.js';
import { canManageWebhook } from './policy.js';
import { presentWebhook } from './presenter.js';
import { type WebhookWithArea, deleteWebhookRow, findWebhook, insertWebhook, listWebhooksInScope, updateWebhookRow } from './repo.js';
import { newWebhookSecret } from './signature.js';

export function requireManage(ctx: AuthedCtx): void {
  if (!hasAbility(ctx.actor, 'integrations.manage')) throw forbidden();
}

/** The webhook `id` if the actor may manage it (404 otherwise, 403 without the ability at all). */
export async function manageableWebhook(
  ctx: AuthedCtx,
  id: string,
  db: Parameters<typeof findWebhook>[0] = ctx.db,
  lock = false,
): Promise<WebhookWithArea> {
  requireManage(ctx);
  const row = await findWebhook(db, id, lock);
  if (!row || !canManageWebhook(ctx.actor, row)) throw notFound('webhook');
  return row;
}

const audited = (row: { id: string; streetId: string | null }) => ({ entityType: 'webhook', entityId: row.id, streetId: row.streetId });

export async function listWebhooks({ ctx }: { ctx: AuthedCtx }): Promise<WebhookList> {
  requireManage(ctx);
  return { items: (await listWebhooksInScope(ctx.db, ctx.actor)).map((r) => presentWebhook(ctx.actor, r)) };
}

/** Subscribes a URL to a street's (or the district's) order events; the answer is the only time the secret shows. */
export async function createWebhook({ ctx, pii, input }: { ctx: AuthedCtx; pii: Pii; input: CreateWebhookInput }): Promise<CreatedWebhook> {
  requireManage(ctx);
  const secret = newWebhookSecret();
  const id = await ctx.db.transaction(async (tx) => {
    const area = await findNode(tx, input.areaId);
    if (!area || !canManageWebhook(ctx.actor, area)) throw notFound('area');
    if (area.kind !== 'street' && area.kind !== 'district')
      throw invalid([{ path: 'areaId', message: ctx.locale === 'en' ? 'Choose a street or the district' : '请选择街道或区' }]);
    const hookId = await insertWebhook(tx, {
      name: input.name,
      url: input.url,
      events: input.events,
      secretEnc: pii.encrypt(secret),
      areaId: area.id,
      districtId: area.districtId!,
      streetId: area.kind === 'street' ? area.id : null,
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'webhook.create',
      ...audited({ id: hookId, streetId: area.streetId }),
      details: { name: input.name, events: input.events },
    });
    return hookId;
  });
  return { ...presentWebhook(ctx.actor, (await findWebhook(ctx.db, id))!), secret };
}

export async function updateWebhook({ ctx, input }: { ctx: AuthedCtx; input: UpdateWebhookInput & { id: string } }): Promise<WebhookDto> {
  const { id, ...patch } = input;
  await ctx.db.transaction(async (tx) => {
    const row = await manageableWebhook(ctx, id, tx, true);
    await updateWebhookRow(tx, row.id, patch);
    await writeAudit(tx, ctx, { action: 'webhook.update', ...audited(row), details: { fields: Object.keys(patch) } });
  });
  return presentWebhook(ctx.actor, (await findWebhook(ctx.db, id))!);
}

/** Deletes a webhook with its delivery history. */
export async function deleteWebhook({ ctx, input }: { ctx: AuthedCtx; input: { id: string } }): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    const row = await manageableWebhook(ctx, input.id, tx, true);
    await deleteWebhookRow(tx, row.id);
    await writeAudit(tx, ctx, { action: 'webhook.delete', ...audited(row), details: { name: row.name } });
  });
  return { ok: true };
}
