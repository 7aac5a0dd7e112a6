import { Locale } from '@linli/contracts';
import { eq, sql } from 'drizzle-orm';
import { type Actor, buildActor } from '../../core/actor.js';
import type { Db, Tx } from '../../db/pool.js';
import { users } from '../../db/schema/index.js';
import { type AssignmentRow, loadUserAssignments } from '../users/repo-assignments.js';

type Conn = Db | Tx;
export type UserRow = typeof users.$inferSelect;
export type ActorWithRows = Actor & { assignmentRows: AssignmentRow[] };

/**
 * The columns of a user (table alias `u`) that make its Actor, with its role assignments as JSON in one subquery: the
 * rows `loadUserAssignments` gives (area and org names, the area's ancestor ids, the org's where the area has none).
 */
export const ACTOR_COLUMNS = `u.username, u.display_name AS "displayName", u.active, u.locale, u.resident_id AS "residentId",
  coalesce((SELECT json_agg(json_build_object(
      'role', ra.role, 'areaId', ra.area_id, 'areaKind', a.kind, 'orgId', ra.org_id,
      'areaName', a.name, 'areaCode', a.code, 'orgName', o.name,
      'districtId', coalesce(a.district_id, o.district_id), 'streetId', coalesce(a.street_id, o.street_id),
      'communityId', coalesce(a.community_id, o.community_id), 'compoundId', a.compound_id,
      'gridId', CASE WHEN a.kind IN ('building', 'grid') THEN a.grid_id END, 'buildingId', a.building_id)
      ORDER BY ra.role, a.code, o.name)
    FROM role_assignments ra LEFT JOIN area_nodes a ON a.id = ra.area_id LEFT JOIN handler_orgs o ON o.id = ra.org_id
    WHERE ra.user_id = u.id), '[]') AS assignments`;

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

/** A user by username with what signing in needs (the hash, and the Actor's columns and assignments): one round trip. */
export async function findSignInUser(db: Conn, username: string): Promise<SignInUser | undefined> {
  const r = await db.execute<SignInUser>(
    sql`SELECT u.id, u.password_hash AS "passwordHash", ${sql.raw(ACTOR_COLUMNS)} FROM users u WHERE u.username = ${username}`,
  );
  return r.rows[0];
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
