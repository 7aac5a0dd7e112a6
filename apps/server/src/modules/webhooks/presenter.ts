import { type WebhookDeliveryDto, WebhookDeliveryStatus, type WebhookDto, WebhookEventKind } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { canManageWebhook } from './policy.js';
import type { DeliveryRow, WebhookWithArea } from './repo.js';

export function presentWebhook(actor: Actor, row: WebhookWithArea): WebhookDto {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: row.events.filter((e) => WebhookEventKind.safeParse(e).success) as WebhookDto['events'],
    area: { id: row.areaId, name: row.areaName },
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    abilities: { canEdit: canManageWebhook(actor, row) },
  };
}

export function presentDelivery(row: DeliveryRow): WebhookDeliveryDto {
  const status = WebhookDeliveryStatus.safeParse(row.status);
  return {
    id: String(row.id),
    type: typeof row.payload.type === 'string' ? row.payload.type : '',
    status: status.success ? status.data : 'failed',
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
