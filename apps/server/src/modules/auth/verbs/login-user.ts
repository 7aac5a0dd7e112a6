import { LOGIN_FAILED_MESSAGE, type LoginInput, type MeDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type Ctx, type VerbArgs, inTx } from '../../../core/context.js';
import { AppError, unauthenticated } from '../../../core/errors.js';
import { verifyPassword } from '../passwords.js';
import { presentMe } from '../presenter.js';
import { findUserByUsername, loadActor, setUserFields } from '../repo.js';
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
      const user = await findUserByUsername(tx, username);
      return { ok: await verifyPassword(user?.active ? user.passwordHash : null, input.password), user };
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'LIMIT_EXCEEDED')
      await writeAudit(ctx, { action: 'auth.login', outcome: 'denied', actorName: username, details: { reason: 'throttled' } });
    throw e;
  }
  const u = attempt.user;
  if (!u || !attempt.ok) {
    await writeAudit(ctx, {
      action: 'auth.login',
      outcome: 'failed',
      actorName: username,
      details: { reason: u ? 'bad_password' : 'unknown_user' },
    });
    throw new AppError('UNAUTHENTICATED', LOGIN_FAILED_MESSAGE[ctx.locale]);
  }
  const session = await inTx(ctx, async (tctx) => {
    if (input.oldToken) await deleteSession(tctx.tx, input.oldToken);
    const s = await createSession(tctx.tx, u.id, ctx.ip);
    await setUserFields(tctx.tx, u.id, { lastLoginAt: new Date() });
    return s;
  });
  const actor = await loadActor(ctx.db, u.id);
  if (!actor) throw unauthenticated();
  await writeAudit({ ...ctx, actor }, { action: 'auth.login', entityType: 'user', entityId: u.id });
  return { token: session.token, me: presentMe(actor, session.csrfToken) };
}
