import type { MeDto, ScopeDto } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import type { AssignmentRow } from './actor-repo.js';

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

export function presentMe(actor: Actor & { assignmentRows: AssignmentRow[] }, csrfToken: string): MeDto {
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName, locale: actor.locale },
    roles: actor.roles,
    scopes: actor.assignmentRows.map(presentScope),
    abilities: actor.abilities,
    csrfToken,
  };
}
