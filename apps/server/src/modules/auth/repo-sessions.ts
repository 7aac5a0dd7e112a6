import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { sessions, users } from '../../db/schema/index.js';
import type { UserRow } from './repo.js';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export type SessionRow = typeof sessions.$inferSelect;

export async function createSession(tx: Db | Tx, userId: string, ip: string | null, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await tx.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    ip,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
  });
  return { token, csrfToken };
}

/** A live session for the token with its user: within 12 h of sign-in and 30 min of the last request. */
export async function findLiveSession(db: Db, token: string, now = new Date()): Promise<{ session: SessionRow; user: UserRow } | null> {
  const [found] = await db
    .select()
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(token)));
  if (!found) return null;
  const row = found.sessions;
  if (row.expiresAt <= now || row.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.tokenHash, row.tokenHash));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, row.tokenHash));
  }
  return { session: row, user: found.users };
}

/** Channel told when sessions end (sign-out, password change, deactivation): open event streams close. */
export const SESSIONS_ENDED_CHANNEL = 'linli_sessions_ended';
export type SessionsEnded = { tokenHash: string } | { userId: string; except: string | null };

async function tellSessionsEnded(db: Db | Tx, ended: SessionsEnded): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${SESSIONS_ENDED_CHANNEL}, ${JSON.stringify(ended)})`);
}

export async function deleteSession(db: Db | Tx, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  await tellSessionsEnded(db, { tokenHash });
}

export async function deleteUserSessions(db: Db | Tx, userId: string, exceptTokenHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptTokenHash ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`) : eq(sessions.userId, userId),
    );
  await tellSessionsEnded(db, { userId, except: exceptTokenHash ?? null });
}

/** Which of `tokenHashes` still belong to live sessions (not expired, not idle). */
export async function liveTokenHashes(db: Db, tokenHashes: readonly string[], now = new Date()): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set();
  const rows = await db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(
      and(
        inArray(sessions.tokenHash, [...tokenHashes]),
        sql`${sessions.expiresAt} > ${now}`,
        sql`${sessions.lastSeenAt} > ${new Date(now.getTime() - SESSION_IDLE_MS)}`,
      ),
    );
  return new Set(rows.map((r) => r.tokenHash));
}

/** Removes expired sessions; run now and then. */
export async function sweepSessions(db: Db, now = new Date()): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS))));
}
