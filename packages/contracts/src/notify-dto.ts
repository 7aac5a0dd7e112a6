import { z } from 'zod';
import { PageQuery } from './common.js';
import { OrderEvent } from './order-machine.js';

/** One entry of the in-app notification centre. */
export const NotificationDto = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    orderId: z.uuid().nullable(),
    read: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });
export type NotificationDto = z.infer<typeof NotificationDto>;

export const NotificationQuery = PageQuery.extend({ unreadOnly: z.enum(['true', 'false']).optional() });
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export const NotificationList = z.object({
  items: z.array(NotificationDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const UnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;

/** What the server-sent event stream pushes as `event: notification`. */
export const NotificationPush = z.object({ notification: NotificationDto.nullable(), unread: z.number().int() });
export type NotificationPush = z.infer<typeof NotificationPush>;

/** The signed-in user's e-mail address for order notifications (null: none). */
export const MyEmail = z.object({ email: z.email().max(254).nullable() });
export type MyEmail = z.infer<typeof MyEmail>;

/**
 * Order event kinds a webhook can subscribe to; the payload's `type` is `order.<kind>`. Internal entries (internal
 * comments, reminders) are never sent.
 */
export const WEBHOOK_EVENT_KINDS = ['place', ...OrderEvent.options, 'absorb', 'comment', 'overdue', 'escalate'] as const;
export const WebhookEventKind = z.enum(WEBHOOK_EVENT_KINDS);
export type WebhookEventKind = z.infer<typeof WebhookEventKind>;

const WebhookUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((u) => !/^https?:\/\/[^/]*@/.test(u), { message: 'no credentials in the URL' });

export const WebhookDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    url: z.string(),
    events: z.array(WebhookEventKind),
    area: z.object({ id: z.uuid(), name: z.string() }),
    active: z.boolean(),
    createdAt: z.string(),
    abilities: z.object({ canEdit: z.boolean() }),
  })
  .meta({ id: 'Webhook' });
export type WebhookDto = z.infer<typeof WebhookDto>;

export const WebhookList = z.object({ items: z.array(WebhookDto) });
export type WebhookList = z.infer<typeof WebhookList>;

export const CreateWebhookInput = z.object({
  name: z.string().trim().min(1).max(60),
  url: WebhookUrl,
  events: z.array(WebhookEventKind).min(1),
  /** a street or district the actor manages integrations for; orders inside it are sent */
  areaId: z.uuid(),
});
export type CreateWebhookInput = z.infer<typeof CreateWebhookInput>;

export const UpdateWebhookInput = z
  .object({ name: z.string().trim().min(1).max(60), url: WebhookUrl, events: z.array(WebhookEventKind).min(1), active: z.boolean() })
  .partial();
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookInput>;

/** The answer to creating a webhook: the only time its signing secret is shown. */
export const CreatedWebhook = WebhookDto.extend({ secret: z.string() });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

export const WebhookDeliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

export const WebhookDeliveryDto = z
  .object({
    id: z.string(),
    type: z.string(),
    status: WebhookDeliveryStatus,
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDeliveryDto = z.infer<typeof WebhookDeliveryDto>;

export const WebhookDeliveryList = z.object({ items: z.array(WebhookDeliveryDto) });
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>;
