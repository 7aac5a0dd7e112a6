import { type Actor, type Assignment, type ScopedRow, assignmentsWith, canOn, covers } from '../../core/actor.js';
import { type AreaPolicyNode, canReadArea } from '../areas/policy.js';

/** A loaded handler organisation: its id and the scope ids of the street or community it serves. */
export type OrgPolicyRow = { id: string; districtId: string; streetId: string; communityId: string | null };

/** Assignments at these levels see every org of their area; below them, their community's and street's orgs. */
const WIDE_KINDS: ReadonlySet<string> = new Set(['district', 'street']);

/** Assignments below street level also see the orgs attached to their street. */
export function seesStreetOrgs(a: Assignment): boolean {
  return Boolean(a.areaKind && !WIDE_KINDS.has(a.areaKind));
}

/** True when the org serves the assignment's area, or is the assignment's own org. */
export function orgVisibleTo(a: Assignment, org: OrgPolicyRow): boolean {
  if (a.role === 'system_admin') return true;
  if (a.orgId) return a.orgId === org.id;
  if (!a.areaKind) return false;
  if (WIDE_KINDS.has(a.areaKind)) return covers(a, org);
  return org.communityId === a.communityId || (org.communityId === null && org.streetId === a.streetId);
}

/** Reading: an orgs.read assignment whose street or community the org serves (handler staff: their own org). */
export function canReadOrg(actor: Actor, org: OrgPolicyRow): boolean {
  return assignmentsWith(actor, 'orgs.read').some((a) => orgVisibleTo(a, org));
}

/** Naming an area for a new org: the actor reads the area, or reads orgs there. */
export function canSeeOrgArea(actor: Actor, area: AreaPolicyNode): boolean {
  return canReadArea(actor, area) || canOn(actor, 'orgs.read', area);
}

/** Creating an org on an area: orgs.write on that area. */
export function canCreateOrgOn(actor: Actor, area: ScopedRow): boolean {
  return canOn(actor, 'orgs.write', area);
}

/** Editing or deleting: orgs.write covering the org's own area (a community writer never edits a street's org). */
export function canEditOrg(actor: Actor, org: OrgPolicyRow): boolean {
  return canOn(actor, 'orgs.write', org);
}

export function orgAbilities(actor: Actor, org: OrgPolicyRow) {
  return { canEdit: canEditOrg(actor, org) };
}
