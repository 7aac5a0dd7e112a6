import type { NotificationDto, NotificationList } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { applyPush, markReadLocally, orderLink } from './feed-model';

const n = (id: string, read = false): NotificationDto => ({
  id,
  kind: 'dispatch',
  title: `t${id}`,
  body: '',
  orderId: null,
  read,
  createdAt: '2026-11-23T00:00:00Z',
});
const list = (items: NotificationDto[], unread: number): NotificationList => ({ items, total: items.length, page: 1, pageSize: 3, unread });

describe('notification feed model', () => {
  it('puts a pushed notification on top once, keeping the page size', () => {
    const after = applyPush(list([n('3'), n('2'), n('1')], 3), { notification: n('4'), unread: 4 })!;
    expect(after.items.map((i) => i.id)).toEqual(['4', '3', '2']);
    expect(after.unread).toBe(4);
    expect(applyPush(after, { notification: n('4'), unread: 4 })!.items).toHaveLength(3);
  });

  it('takes only the count from a push without a notification', () => {
    expect(applyPush(list([n('1')], 1), { notification: null, unread: 0 })).toMatchObject({ unread: 0, total: 1 });
  });

  it('marks read locally once', () => {
    const once = markReadLocally(list([n('1'), n('2')], 2), '1')!;
    expect(once.unread).toBe(1);
    expect(markReadLocally(once, '1')!.unread).toBe(1);
  });

  it('links to the order in the console or the portal', () => {
    expect(orderLink('abc', false)).toBe('/orders/abc');
    expect(orderLink('abc', true)).toBe('/portal/orders/abc');
    expect(orderLink(null, true)).toBeNull();
  });
});
