import type { Ability, AreaKind, Role } from '@linli/contracts';
import { eq, inArray, or } from 'drizzle-orm';
import type { Actor, Assignment } from '../../core/actor.js';
import { scopeColumnsOf, scopeFieldsOf, scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, handlerOrgs, roleAssignments } from '../../db/schema/index.js';

/** A role assignment with the names of its area or org, as the session and the users list show it. */
export type AssignmentRow = Assignment & { areaName: string | null; areaCode: string | null; orgName: string | null };

/** Role assignments of many users in one query, with their area's ancestor ids and names. */
export async function loadAssignmentsFor(db: Db | Tx, userIds: readonly string[]): Promise<Map<string, AssignmentRow[]>> {
  const byUser = new Map<string, AssignmentRow[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      areaId: roleAssignments.areaId,
      orgId: roleAssignments.orgId,
      areaKind: areaNodes.kind,
      areaName: areaNodes.name,
      areaCode: areaNodes.code,
      ...scopeFieldsOf(areaNodes),
      orgName: handlerOrgs.name,
      orgStreetId: handlerOrgs.streetId,
      orgCommunityId: handlerOrgs.communityId,
      orgDistrictId: handlerOrgs.districtId,
    })
    .from(roleAssignments)
    .leftJoin(areaNodes, eq(areaNodes.id, roleAssignments.areaId))
    .leftJoin(handlerOrgs, eq(handlerOrgs.id, roleAssignments.orgId))
    .where(inArray(roleAssignments.userId, [...userIds]))
    .orderBy(roleAssignments.role, areaNodes.code, handlerOrgs.name);
  for (const r of rows) {
    byUser.get(r.userId)?.push({
      role: r.role as Role,
      areaId: r.areaId,
      areaKind: (r.areaKind as AreaKind | null) ?? null,
      orgId: r.orgId,
      areaName: r.areaName,
      areaCode: r.areaCode,
      orgName: r.orgName,
      districtId: r.districtId ?? r.orgDistrictId,
      streetId: r.streetId ?? r.orgStreetId,
      communityId: r.communityId ?? r.orgCommunityId,
      compoundId: r.compoundId,
      gridId: r.areaKind === 'building' || r.areaKind === 'grid' ? r.gridId : null,
      buildingId: r.buildingId,
    });
  }
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
