import { NotificationDto, NotificationList, NotificationPush, UnreadCount } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { refreshOrders } from '../orders/order-api';
import { applyPush, markReadLocally } from './feed-model';

const PAGE_SIZE = 10;
const POLL_MS = 30_000;
export const notificationKeys = { feed: ['notifications', 'feed'] as const };

const fetchFeed = () => api.get('/api/notifications', NotificationList, { pageSize: PAGE_SIZE });

/** Listens to the server-sent event stream; tells whether it works, so the caller can poll instead. */
function useLiveStream(): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(true);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return setLive(false);
    const source = new EventSource('/api/notifications/stream');
    source.addEventListener('open', () => setLive(true));
    source.addEventListener('notification', (e) => {
      const push = NotificationPush.safeParse(JSON.parse((e as MessageEvent<string>).data));
      if (!push.success) return;
      queryClient.setQueryData<NotificationList>(notificationKeys.feed, (old) => applyPush(old, push.data));
      // a notification means an order moved: the open lists, counts and order pages catch up at once
      if (push.data.notification?.orderId) void refreshOrders(queryClient);
    });
    // the browser retries by itself; only a closed stream (refused, not an event stream) needs polling
    source.addEventListener('error', () => setLive(source.readyState !== EventSource.CLOSED));
    return () => source.close();
  }, [queryClient]);
  return live;
}

/** The latest notifications with the unread count, kept current by the stream (or by polling when it fails). */
export function useNotificationFeed() {
  const live = useLiveStream();
  return useQuery({ queryKey: notificationKeys.feed, queryFn: fetchFeed, refetchInterval: live ? false : POLL_MS });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`, {}, NotificationDto),
    onMutate: (id) => queryClient.setQueryData<NotificationList>(notificationKeys.feed, (old) => markReadLocally(old, id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.feed }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/notifications/read-all', {}, UnreadCount),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.feed }),
  });
}
