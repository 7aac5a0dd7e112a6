import type { MyEmail, NotificationDto, NotificationList, NotificationQuery, UnreadCount } from '@linli/contracts';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { presentNotification } from './presenter.js';
import { countUnread, findNotification, listNotifications, markRead, readEmail, writeEmail } from './repo.js';

/** The signed-in user's notifications, newest first, with the unread count. */
export async function listMyNotifications({ ctx, input }: { ctx: AuthedCtx; input: NotificationQuery }): Promise<NotificationList> {
  const userId = ctx.actor.userId;
  const [{ rows, total }, unread] = await Promise.all([
    listNotifications(ctx.db, userId, { page: input.page, pageSize: input.pageSize, unreadOnly: input.unreadOnly === 'true' }),
    countUnread(ctx.db, userId),
  ]);
  return { items: rows.map(presentNotification), total, page: input.page, pageSize: input.pageSize, unread };
}

// Read marks are the reader's own view state, not a change to shared records: they are not audited.

/** Marks one of the user's own notifications read; anyone else's answers 404. */
export async function readNotification({ ctx, input }: { ctx: AuthedCtx; input: { id: number } }): Promise<NotificationDto> {
  return ctx.db.transaction(async (tx) => {
    const row = await findNotification(tx, input.id);
    if (!row || row.userId !== ctx.actor.userId) throw notFound('notification');
    await markRead(tx, ctx.actor.userId, row.id);
    return presentNotification((await findNotification(tx, row.id))!);
  });
}

export async function readAllNotifications({ ctx }: { ctx: AuthedCtx }): Promise<UnreadCount> {
  await ctx.db.transaction((tx) => markRead(tx, ctx.actor.userId, null));
  return { unread: await countUnread(ctx.db, ctx.actor.userId) };
}

export async function getMyEmail({ ctx }: { ctx: AuthedCtx }): Promise<MyEmail> {
  return { email: await readEmail(ctx.db, ctx.actor.userId) };
}

/** Sets (or clears, with null) where the user's order notifications are e-mailed. */
export async function setMyEmail({ ctx, input }: { ctx: AuthedCtx; input: MyEmail }): Promise<MyEmail> {
  const email = input.email?.trim().toLowerCase() || null;
  await ctx.db.transaction(async (tx) => {
    await writeEmail(tx, ctx.actor.userId, email);
    await writeAudit(tx, ctx, { action: 'user.email', entityType: 'user', entityId: ctx.actor.userId, details: { set: email !== null } });
  });
  return { email };
}
