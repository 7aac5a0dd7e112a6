import type { NotificationDto } from '@linli/contracts';
import type { NotificationRow } from './repo.js';

export function presentNotification(row: NotificationRow): NotificationDto {
  return {
    id: String(row.id),
    kind: row.kind,
    title: row.title,
    body: row.body,
    orderId: row.orderId,
    read: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}
