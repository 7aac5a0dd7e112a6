import { Locale } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import type pg from 'pg';
import { type Actor, buildActor } from '../../core/actor.js';
import type { Db, Tx } from '../../db/pool.js';
import { users } from '../../db/schema/index.js';
import { type AssignmentRow, assignmentsJsonOf, loadUserAssignments } from '../users/repo-assignments.js';

type Conn = Db | Tx;
export type UserRow = typeof users.$inferSelect;
export type ActorWithRows = Actor & { assignmentRows: AssignmentRow[] };

/** The columns of a user (table alias `u`) that make its Actor, with its role assignments as JSON (`assignmentsJsonOf`). */
export const ACTOR_COLUMNS = `u.username, u.display_name AS "displayName", u.active, u.locale, u.resident_id AS "residentId",
  ${assignmentsJsonOf('u')} AS assignments`;

export type ActorRow = Pick<UserRow, 'username' | 'displayName' | 'active' | 'locale' | 'residentId'> & { assignments: AssignmentRow[] };

const localeOf = Locale.catch('zh-CN');

/** The Actor of a user read with ACTOR_COLUMNS, or null when the user is inactive. */
export function actorOfRow(userId: string, r: ActorRow): ActorWithRows | null {
  if (!r.active) return null;
  const actor = buildActor({
    userId,
    username: r.username,
    displayName: r.displayName,
    locale: r.locale === null ? null : localeOf.parse(r.locale),
    residentId: r.residentId,
    assignments: r.assignments,
  });
  return { ...actor, assignmentRows: r.assignments };
}

export async function findUserByUsername(db: Conn, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export type SignInUser = ActorRow & { id: string; passwordHash: string };

/**
 * A named prepared statement run on `conn` (the pool or a transaction's connection): PostgreSQL parses and plans it once
 * per connection. For the statements of every sign-in; rows come back as `pg` gives them (json parsed, timestamps as text).
 */
export async function preparedRows<R extends pg.QueryResultRow>(conn: Conn, name: string, text: string, params: unknown[]): Promise<R[]> {
  type Result = { execute: pg.QueryResult<R>; all: R[]; values: unknown[][] };
  return (await conn._.session.prepareQuery<Result>({ sql: text, params }, undefined, name, false).execute()).rows;
}

const SIGN_IN_USER_SQL = `SELECT u.id, u.password_hash AS "passwordHash", ${ACTOR_COLUMNS} FROM users u WHERE u.username = $1`;

/** A user by username with what signing in needs (the hash, and the Actor's columns and assignments): one round trip. */
export async function findSignInUser(db: Conn, username: string): Promise<SignInUser | undefined> {
  const [row] = await preparedRows<SignInUser>(db, 'linli_sign_in_user', SIGN_IN_USER_SQL, [username]);
  return row;
}

export async function findUserById(db: Conn, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function setUserFields(db: Conn, id: string, patch: Partial<Pick<UserRow, 'lastLoginAt' | 'locale' | 'passwordHash'>>) {
  await db.update(users).set(patch).where(eq(users.id, id));
}

/** Builds the Actor of an already loaded user row (one query for the assignments), or null when inactive. */
export async function actorForUser(db: Conn, u: UserRow): Promise<ActorWithRows | null> {
  return u.active ? actorOfRow(u.id, { ...u, assignments: await loadUserAssignments(db, u.id) }) : null;
}

/** Loads an active user as an Actor, or null. */
export async function loadActor(db: Conn, userId: string): Promise<ActorWithRows | null> {
  const u = await findUserById(db, userId);
  return u ? actorForUser(db, u) : null;
}
