import { eq } from 'drizzle-orm';
import type { AreaKind, Locale, Role } from '@linli/contracts';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, handlerOrgs, roleAssignments, users } from '../../db/schema/index.js';
import { type Actor, type Assignment, buildActor } from '../../core/actor.js';

export type AssignmentRow = Assignment & { areaName: string | null; areaCode: string | null; orgName: string | null };

/** Role assignments of a user with their area's ancestor ids and names. */
export async function loadAssignments(db: Db | Tx, userId: string): Promise<AssignmentRow[]> {
  const rows = await db
    .select({
      role: roleAssignments.role,
      areaId: roleAssignments.areaId,
      orgId: roleAssignments.orgId,
      areaKind: areaNodes.kind,
      areaName: areaNodes.name,
      areaCode: areaNodes.code,
      districtId: areaNodes.districtId,
      streetId: areaNodes.streetId,
      communityId: areaNodes.communityId,
      compoundId: areaNodes.compoundId,
      gridId: areaNodes.gridId,
      buildingId: areaNodes.buildingId,
      orgName: handlerOrgs.name,
      orgStreetId: handlerOrgs.streetId,
      orgCommunityId: handlerOrgs.communityId,
      orgDistrictId: handlerOrgs.districtId,
    })
    .from(roleAssignments)
    .leftJoin(areaNodes, eq(areaNodes.id, roleAssignments.areaId))
    .leftJoin(handlerOrgs, eq(handlerOrgs.id, roleAssignments.orgId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(roleAssignments.role);
  return rows.map((r) => ({
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
  }));
}

/** Loads an active user as an Actor, or null. */
export async function loadActor(db: Db | Tx, userId: string): Promise<(Actor & { assignmentRows: AssignmentRow[] }) | null> {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u || !u.active) return null;
  const rows = await loadAssignments(db, userId);
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
