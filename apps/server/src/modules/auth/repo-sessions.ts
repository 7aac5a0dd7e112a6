import { createHash, randomBytes } from 'node:crypto';
import type { AuditValues } from '../../core/audit.js';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../db/pool.js';
import { preparedQuery } from '../../db/prepared.js';
import { sessions } from '../../db/schema/index.js';
import { ACTOR_COLUMNS, type ActorRow, type ActorWithRows, actorOfRow, preparedRows } from './repo.js';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export type SessionRow = typeof sessions.$inferSelect;

/** The session, the user's sign-in time and (with all its values null when there is none) the sign-in's audit row. */
const OPEN_SESSION_SQL = `WITH s AS (
    INSERT INTO sessions (token_hash, user_id, csrf_token, ip, created_at, last_seen_at, expires_at)
    VALUES ($1, $2, $3, $4, $5, $5, $6)
  ), a AS (
    INSERT INTO audit_log (actor_id, actor_name, action, entity_type, entity_id, outcome, ip, request_id, street_id, community_id, details)
    SELECT $7::uuid, $8::text, $9::text, $10::text, $11::text, $12::audit_outcome, $13::text, $14::text, $15::uuid, $16::uuid, $17::jsonb
    WHERE $9::text IS NOT NULL
  )
  UPDATE users SET last_login_at = $5 WHERE id = $2`;

/**
 * Opens a session for the user and records the sign-in time on the user; with `audit`, appends that audit row as well:
 * one statement, planned once per connection (sign-in's last write).
 */
export async function createSession(tx: Db | Tx, userId: string, ip: string | null, now = new Date(), audit?: AuditValues) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const a = audit ?? ({} as Partial<AuditValues>);
  const details = audit && JSON.stringify(audit.details ?? {});
  // in the order of OPEN_SESSION_SQL's audit columns; `pg` sends undefined as null
  const auditParams = [
    a.actorId,
    a.actorName,
    a.action,
    a.entityType,
    a.entityId,
    a.outcome,
    a.ip,
    a.requestId,
    a.streetId,
    a.communityId,
    details,
  ];
  await preparedRows(tx, 'linli_open_session', OPEN_SESSION_SQL, [hashToken(token), userId, csrfToken, ip, now, expiresAt, ...auditParams]);
  return { token, csrfToken };
}

type SessionLookupRow = SessionRow & ActorRow;

/** The session, its user and the user's role assignments in one round trip: every signed-in request runs it. */
const lookupSession = preparedQuery<SessionLookupRow>(
  'linli_session_lookup',
  `SELECT s.token_hash AS "tokenHash", s.user_id AS "userId", s.csrf_token AS "csrfToken", s.created_at AS "createdAt",
     s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt", s.ip, ${ACTOR_COLUMNS}
   FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
);

/**
 * A live session for the token (within 12 h of sign-in and 30 min of the last request) with its active user as an
 * Actor; null otherwise. An ended session is deleted; a used one is touched at most once a minute.
 */
export async function findLiveSession(
  { pool, db }: Database,
  token: string,
  now = new Date(),
): Promise<{ session: SessionRow; actor: ActorWithRows } | null> {
  const [found] = await lookupSession(pool, [hashToken(token)]);
  if (!found) return null;
  const { username, displayName, active, locale, residentId, assignments, ...session } = found;
  if (session.expiresAt <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.tokenHash, session.tokenHash));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, session.tokenHash));
  }
  const actor = actorOfRow(session.userId, { username, displayName, active, locale, residentId, assignments });
  return actor && { session, actor };
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
