import type { NotificationDto } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { canSeeNotification } from '../policy.js';
import { presentNotification } from '../presenter.js';
import { findNotification, markRead } from '../repo.js';

// Read marks are the reader's own view state, not a change to shared records: they are not audited.

/** Marks one of the user's own notifications read; anyone else's answers 404. */
export async function readNotification({ ctx, input }: VerbArgs<{ id: number }>): Promise<NotificationDto> {
  return inTx(ctx, async (tctx) => {
    const row = authorize(await findNotification(tctx.tx, input.id), {
      see: (n) => canSeeNotification(ctx.actor, n),
      entity: 'notification',
    });
    await markRead(tctx.tx, ctx.actor.userId, row.id);
    return presentNotification((await findNotification(tctx.tx, row.id))!);
  });
}
