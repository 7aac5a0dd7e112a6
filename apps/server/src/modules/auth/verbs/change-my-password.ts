import type { ChangePasswordInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { AUTH_MESSAGES } from '../messages.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { findUserById, setUserFields } from '../repo.js';
import { deleteUserSessions, hashToken } from '../repo-sessions.js';
import { type ThrottleLimits, guardedAttempt, passwordGuards } from '../throttle.js';

/** `token`: the session the change is made from; it stays signed in. `limits`: wrong current passwords are throttled like sign-ins. */
export type ChangeMyPasswordInput = ChangePasswordInput & { token: string; limits: ThrottleLimits };

/** Changes one's own password; other sessions of the user are signed out. */
export async function changeMyPassword({ ctx, input }: VerbArgs<ChangeMyPasswordInput>): Promise<{ ok: true }> {
  const guards = passwordGuards(ctx.actor.userId, ctx.ip, input.limits);
  const { ok, u } = await guardedAttempt(ctx.db, ctx.locale, guards, async (tx) => {
    const user = await findUserById(tx, ctx.actor.userId);
    return { ok: !!user && (await verifyPassword(user.passwordHash, input.currentPassword)), u: user };
  });
  if (!u || !ok) {
    const message = AUTH_MESSAGES.wrongCurrentPassword()[ctx.locale];
    throw new AppError('VALIDATION', message, { issues: [{ path: 'currentPassword', message }] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTx(ctx, async (tctx) => {
    await setUserFields(tctx.tx, u.id, { passwordHash });
    await deleteUserSessions(tctx.tx, u.id, hashToken(input.token));
    await writeAudit(tctx, { action: 'auth.password_change', entityType: 'user', entityId: u.id });
  });
  return { ok: true };
}
