import type { CompoundPropertyDto } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { canEditCompoundProperty } from './policy.js';
import type { CompoundPropertyRow } from './repo.js';

export function presentCompoundProperty(actor: Actor, r: CompoundPropertyRow): CompoundPropertyDto {
  return {
    compoundId: r.compoundId,
    compoundName: r.compoundName,
    communityId: r.communityId!,
    servedBy: r.orgId ? 'property' : 'community',
    orgId: r.orgId,
    orgName: r.orgName,
    contractStart: r.contractStart,
    contractEnd: r.contractEnd,
    abilities: canEditCompoundProperty(actor, r) ? ['edit'] : [],
  };
}
