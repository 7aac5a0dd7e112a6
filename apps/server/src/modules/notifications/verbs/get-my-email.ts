import type { MyEmail } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { readEmail } from '../repo.js';

/** Where the signed-in user's order notifications are e-mailed (null: nowhere). */
export async function getMyEmail({ ctx }: VerbArgs): Promise<MyEmail> {
  return { email: await readEmail(ctx.db, ctx.actor.userId) };
}
