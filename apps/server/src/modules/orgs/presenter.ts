import type { HandlerOrgDto } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { orgAbilities } from './policy.js';
import type { OrgListRow } from './repo.js';

export function presentOrg(actor: Actor, row: OrgListRow): HandlerOrgDto {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    phone: row.phone,
    areaId: row.areaId,
    areaName: row.areaName,
    abilities: orgAbilities(actor, row),
  };
}
