import { eq } from 'drizzle-orm';
import type { Locale } from '@linli/contracts';
import type { Db, Tx } from '../../db/pool.js';
import { users } from '../../db/schema/index.js';
import { loadAssignmentsFor } from '../users/assignment-repo.js';
import { type Actor, type Assignment, buildActor } from '../../core/actor.js';

export type AssignmentRow = Assignment & { areaName: string | null; areaCode: string | null; orgName: string | null };

/** Role assignments of a user with their area's ancestor ids and names. */
export async function loadAssignments(db: Db | Tx, userId: string): Promise<AssignmentRow[]> {
  return (await loadAssignmentsFor(db, [userId])).get(userId) ?? [];
}

export type ActorWithRows = Actor & { assignmentRows: AssignmentRow[] };

/** Builds the Actor of an already loaded user row (one query for the assignments), or null when inactive. */
export async function actorForUser(db: Db | Tx, u: typeof users.$inferSelect): Promise<ActorWithRows | null> {
  if (!u.active) return null;
  const rows = await loadAssignments(db, u.id);
  const actor = buildActor({
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    locale: (u.locale === 'en' ? 'en' : 'zh-CN') as Locale,
    residentId: u.residentId,
    assignments: rows,
  });
  return { ...actor, assignmentRows: rows };
}

/** Loads an active user as an Actor, or null. */
export async function loadActor(db: Db | Tx, userId: string): Promise<ActorWithRows | null> {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  return u ? actorForUser(db, u) : null;
}
