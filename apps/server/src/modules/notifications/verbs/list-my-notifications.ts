import type { NotificationList, NotificationQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { presentNotification } from '../presenter.js';
import { countUnread, listNotifications } from '../repo.js';

/** The signed-in user's notifications, newest first, with the unread count. */
export async function listMyNotifications({ ctx, input }: VerbArgs<NotificationQuery>): Promise<NotificationList> {
  const userId = ctx.actor.userId;
  const [{ rows, total }, unread] = await Promise.all([
    listNotifications(ctx.db, userId, { page: input.page, pageSize: input.pageSize, unreadOnly: input.unreadOnly === 'true' }),
    countUnread(ctx.db, userId),
  ]);
  return { items: rows.map(presentNotification), total, page: input.page, pageSize: input.pageSize, unread };
}
