import type { Ability } from '@linli/contracts';
import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Actor, Assignment } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, handlerOrgs, roleAssignments, users } from '../../db/schema/index.js';

/** A role assignment with the names of its area or org, as the session and the users list show it. */
export type AssignmentRow = Assignment & { areaName: string | null; areaCode: string | null; orgName: string | null };

/**
 * The role assignments of the user `alias`.id (a `users` row in the enclosing query) as a JSON array of AssignmentRow:
 * the area's or org's names, the area's ancestor ids (the org's where the area has none), ordered by role, area code
 * and org name. The one mapping the session lookup, sign-in and the users list share.
 */
export const assignmentsJsonOf = (alias: 'u' | 'users') => `coalesce((SELECT json_agg(json_build_object(
      'role', ra.role, 'areaId', ra.area_id, 'areaKind', a.kind, 'orgId', ra.org_id,
      'areaName', a.name, 'areaCode', a.code, 'orgName', o.name,
      'districtId', coalesce(a.district_id, o.district_id), 'streetId', coalesce(a.street_id, o.street_id),
      'communityId', coalesce(a.community_id, o.community_id), 'compoundId', a.compound_id,
      'gridId', CASE WHEN a.kind IN ('building', 'grid') THEN a.grid_id END, 'buildingId', a.building_id)
      ORDER BY ra.role, a.code, o.name)
    FROM role_assignments ra LEFT JOIN area_nodes a ON a.id = ra.area_id LEFT JOIN handler_orgs o ON o.id = ra.org_id
    WHERE ra.user_id = ${alias}.id), '[]')`;

/** Role assignments of many users in one query, with their area's ancestor ids and names. */
export async function loadAssignmentsFor(db: Db | Tx, userIds: readonly string[]): Promise<Map<string, AssignmentRow[]>> {
  const byUser = new Map<string, AssignmentRow[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const r = await db.execute<{ userId: string; assignments: AssignmentRow[] }>(
    sql`SELECT users.id AS "userId", ${sql.raw(assignmentsJsonOf('users'))} AS assignments
        FROM ${users} WHERE ${inArray(users.id, [...userIds])}`,
  );
  for (const row of r.rows) byUser.set(row.userId, row.assignments);
  return byUser;
}

/** The role assignments of one user. */
export async function loadUserAssignments(db: Db | Tx, userId: string): Promise<AssignmentRow[]> {
  return (await loadAssignmentsFor(db, [userId])).get(userId) ?? [];
}

/** Ids of users holding an assignment inside the actor's `ability` scope, as a subquery. */
export function usersInScope(db: Db | Tx, actor: Actor, ability: Ability) {
  const inArea = scopeFilter(actor, ability, scopeColumnsOf(areaNodes));
  const inOrg = scopeFilter(actor, ability, scopeColumnsOf(handlerOrgs));
  return db
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .leftJoin(areaNodes, eq(areaNodes.id, roleAssignments.areaId))
    .leftJoin(handlerOrgs, eq(handlerOrgs.id, roleAssignments.orgId))
    .where(or(inArea, inOrg));
}
