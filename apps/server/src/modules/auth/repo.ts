import { Locale } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { type Actor, buildActor } from '../../core/actor.js';
import type { Db, Tx } from '../../db/pool.js';
import { users } from '../../db/schema/index.js';
import { type AssignmentRow, loadUserAssignments } from '../users/repo-assignments.js';

type Conn = Db | Tx;
export type UserRow = typeof users.$inferSelect;
export type ActorWithRows = Actor & { assignmentRows: AssignmentRow[] };

export async function findUserByUsername(db: Conn, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
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
  if (!u.active) return null;
  const rows = await loadUserAssignments(db, u.id);
  const actor = buildActor({
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    locale: Locale.catch('zh-CN').parse(u.locale),
    residentId: u.residentId,
    assignments: rows,
  });
  return { ...actor, assignmentRows: rows };
}

/** Loads an active user as an Actor, or null. */
export async function loadActor(db: Conn, userId: string): Promise<ActorWithRows | null> {
  const u = await findUserById(db, userId);
  return u ? actorForUser(db, u) : null;
}
