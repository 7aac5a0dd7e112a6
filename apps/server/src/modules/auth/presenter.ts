import type { MeDto, ScopeDto } from '@linli/contracts';
import type { AssignmentRow } from '../users/repo-assignments.js';
import { grantableRoles } from '../users/policy.js';
import type { ActorWithRows } from './repo.js';

export function presentScope(a: AssignmentRow): ScopeDto {
  return {
    role: a.role,
    areaId: a.areaId,
    areaKind: a.areaKind,
    areaName: a.areaName,
    areaCode: a.areaCode,
    orgId: a.orgId,
    orgName: a.orgName,
  };
}

/** The signed-in user, with what the web needs to show: abilities and the roles they may grant. */
export function presentMe(actor: ActorWithRows, csrfToken: string): MeDto {
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName, locale: actor.locale },
    roles: actor.roles,
    scopes: actor.assignmentRows.map(presentScope),
    abilities: actor.abilities,
    grantableRoles: grantableRoles(actor),
    csrfToken,
  };
}
