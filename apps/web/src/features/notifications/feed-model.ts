import type { NotificationList, NotificationPush } from '@linli/contracts';

/** The list after a live push: the new notification on top (once), and the server's unread count. */
export function applyPush(list: NotificationList | undefined, push: NotificationPush): NotificationList | undefined {
  if (!list) return list;
  const n = push.notification;
  if (!n || list.items.some((i) => i.id === n.id)) return { ...list, unread: push.unread };
  return { ...list, items: [n, ...list.items].slice(0, list.pageSize), total: list.total + 1, unread: push.unread };
}

/** The list after marking `id` read locally, before the server answers. */
export function markReadLocally(list: NotificationList | undefined, id: string): NotificationList | undefined {
  if (!list) return list;
  const hit = list.items.find((i) => i.id === id && !i.read);
  if (!hit) return list;
  return { ...list, items: list.items.map((i) => (i.id === id ? { ...i, read: true } : i)), unread: Math.max(0, list.unread - 1) };
}

/** Where a notification leads: the order in the console, or in the resident portal. */
export function orderLink(orderId: string | null, portal: boolean): string | null {
  if (!orderId) return null;
  return portal ? `/portal/orders/${orderId}` : `/orders/${orderId}`;
}
