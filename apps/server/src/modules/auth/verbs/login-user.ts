import { LOGIN_FAILED_MESSAGE, type LoginInput, type MeDto } from '@linli/contracts';
import { auditValues, writeAudit } from '../../../core/audit.js';
import type { Ctx, VerbArgs } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { verifyPassword } from '../passwords.js';
import { presentMe } from '../presenter.js';
import { actorOfRow, findSignInUser } from '../repo.js';
import { createSession, deleteSession } from '../repo-sessions.js';
import { type ThrottleLimits, guardedAttempt, loginGuards } from '../throttle.js';

/** `oldToken`: the session cookie the request came with; `limits`: the app's throttle settings. */
export type LoginUserInput = LoginInput & { oldToken: string | undefined; limits: ThrottleLimits };

/** Signs a user in: throttle (growing waits, never a lock), verify, then a fresh session (the old one, if any, is dropped). */
export async function loginUser({ ctx, input }: VerbArgs<LoginUserInput, Ctx>): Promise<{ token: string; me: MeDto }> {
  const username = input.username.toLowerCase();
  let attempt;
  try {
    attempt = await guardedAttempt(ctx.db, ctx.locale, loginGuards(username, ctx.ip, input.limits), async (tx) => {
      const user = await findSignInUser(tx, username);
      const actor = user ? actorOfRow(user.id, user) : null;
      // an inactive user is verified against the dummy hash, so timing tells nothing
      const verified = await verifyPassword(user && actor ? user.passwordHash : null, input.password);
      if (!verified || !actor) return { ok: false as const, user };
      // success: the fresh session and its audit row are written in one statement of the attempt's transaction
      if (input.oldToken) await deleteSession(tx, input.oldToken);
      const audit = auditValues({ ...ctx, actor }, { action: 'auth.login', entityType: 'user', entityId: actor.userId });
      const session = await createSession(tx, actor.userId, ctx.ip, new Date(), audit);
      return { ok: true as const, actor, session };
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'LIMIT_EXCEEDED')
      await writeAudit(ctx, { action: 'auth.login', outcome: 'denied', actorName: username, details: { reason: 'throttled' } });
    throw e;
  }
  if (!attempt.ok) {
    await writeAudit(ctx, {
      action: 'auth.login',
      outcome: 'failed',
      actorName: username,
      details: { reason: attempt.user ? 'bad_password' : 'unknown_user' },
    });
    throw new AppError('UNAUTHENTICATED', LOGIN_FAILED_MESSAGE[ctx.locale]);
  }
  return { token: attempt.session.token, me: presentMe(attempt.actor, attempt.session.csrfToken) };
}
