import { writeAudit } from '../../../core/audit.js';
import type { Ctx, VerbArgs } from '../../../core/context.js';
import { deleteSession } from '../repo-sessions.js';

/** Signs out: the session of `token` ends (when signed in, an audit row records it). */
export async function logoutUser({ ctx, input }: VerbArgs<{ token: string | undefined }, Ctx>): Promise<{ ok: true }> {
  if (input.token) await deleteSession(ctx.db, input.token);
  if (ctx.actor) await writeAudit(ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
  return { ok: true };
}
