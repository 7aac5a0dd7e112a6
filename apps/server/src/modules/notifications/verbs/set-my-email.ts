import type { MyEmail } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { writeEmail } from '../repo.js';

/** Sets (or clears, with null) where the user's order notifications are e-mailed. */
export async function setMyEmail({ ctx, input }: VerbArgs<MyEmail>): Promise<MyEmail> {
  const email = input.email?.trim().toLowerCase() || null;
  await inTx(ctx, async (tctx) => {
    await writeEmail(tctx.tx, ctx.actor.userId, email);
    await writeAudit(tctx, { action: 'user.email', entityType: 'user', entityId: ctx.actor.userId, details: { set: email !== null } });
  });
  return { email };
}
