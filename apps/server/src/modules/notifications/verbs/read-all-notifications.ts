import type { UnreadCount } from '@linli/contracts';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { countUnread, markRead } from '../repo.js';

/** Marks all the user's notifications read (not audited: a read mark is the reader's own view state). */
export async function readAllNotifications({ ctx }: VerbArgs): Promise<UnreadCount> {
  await inTx(ctx, (tctx) => markRead(tctx.tx, ctx.actor.userId, null));
  return { unread: await countUnread(ctx.db, ctx.actor.userId) };
}
