import { type ChangePasswordInput, LOGIN_FAILED_MESSAGE, type Locale, type LoginInput, type MeDto } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { writeAudit } from '../../core/audit.js';
import { type AuthedCtx, type Ctx } from '../../core/context.js';
import { AppError, unauthenticated } from '../../core/errors.js';
import { type ActorWithRows, loadActor } from './actor-repo.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { presentMe } from './presenter.js';
import { createSession, deleteSession, deleteUserSessions, hashToken } from './session-repo.js';
import { type ThrottleLimits, assertNotThrottled, clearAccountFailures, recordLoginFailure } from './throttle.js';

/** Signs a user in: throttle, verify, then a fresh session (the old one, if any, is dropped). */
export async function loginUser({
  ctx,
  input,
  oldToken,
  limits,
}: {
  ctx: Ctx;
  input: LoginInput;
  oldToken?: string;
  limits: ThrottleLimits;
}) {
  const username = input.username.toLowerCase();
  try {
    await assertNotThrottled(ctx.db, username, ctx.ip, limits);
  } catch (e) {
    await writeAudit(ctx.db, ctx, { action: 'auth.login', outcome: 'denied', actorName: username, details: { reason: 'throttled' } });
    throw e;
  }
  const [u] = await ctx.db.select().from(users).where(eq(users.username, username));
  const ok = await verifyPassword(u?.active ? u.passwordHash : null, input.password);
  if (!u || !ok) {
    await recordLoginFailure(ctx.db, username, ctx.ip);
    await writeAudit(ctx.db, ctx, {
      action: 'auth.login',
      outcome: 'failed',
      actorName: username,
      details: { reason: u ? 'bad_password' : 'unknown_user' },
    });
    throw new AppError('UNAUTHENTICATED', LOGIN_FAILED_MESSAGE[ctx.locale]);
  }
  const session = await ctx.db.transaction(async (tx) => {
    if (oldToken) await deleteSession(tx, oldToken);
    const s = await createSession(tx, u.id, ctx.ip);
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, u.id));
    return s;
  });
  await clearAccountFailures(ctx.db, username);
  const actor = await loadActor(ctx.db, u.id);
  if (!actor) throw unauthenticated();
  await writeAudit(ctx.db, { ...ctx, actor }, { action: 'auth.login', entityType: 'user', entityId: u.id });
  return { token: session.token, me: presentMe(actor, session.csrfToken) };
}

export async function logoutUser({ ctx, token }: { ctx: Ctx; token: string | undefined }) {
  if (token) await deleteSession(ctx.db, token);
  if (ctx.actor) await writeAudit(ctx.db, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
}

/** The signed-in user as the session hook loaded them: no further query. */
export function getMe({ actor, csrfToken }: { actor: ActorWithRows; csrfToken: string }): MeDto {
  return presentMe(actor, csrfToken);
}

/** Saves the UI language so it follows the user to other devices. */
export async function setMyLocale({ ctx, locale }: { ctx: AuthedCtx; locale: Locale }) {
  await ctx.db.update(users).set({ locale }).where(eq(users.id, ctx.actor.userId));
}

/** Changes one's own password; other sessions of the user are signed out. */
export async function changeMyPassword({ ctx, input, token }: { ctx: AuthedCtx; input: ChangePasswordInput; token: string }) {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!u || !(await verifyPassword(u.passwordHash, input.currentPassword))) {
    const message = ctx.locale === 'en' ? 'The current password is wrong' : '当前密码不正确';
    throw new AppError('VALIDATION', message, { issues: [{ path: 'currentPassword', message }] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, u.id));
    await deleteUserSessions(tx, u.id, hashToken(token));
    await writeAudit(tx, ctx, { action: 'auth.password_change', entityType: 'user', entityId: u.id });
  });
}
