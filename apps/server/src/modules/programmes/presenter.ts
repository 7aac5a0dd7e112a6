import { type ProgrammeDto, type SocialWorkerDto, SocialWorkerQualification } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { programmeAbilities } from './policy.js';
import type { ProgrammeView } from './repo.js';

export function presentProgramme(actor: Actor, p: ProgrammeView): ProgrammeDto {
  return {
    id: p.id,
    communityId: p.communityId,
    kind: p.kind,
    name: p.name,
    provider: p.providerOrgId && p.providerName ? { id: p.providerOrgId, name: p.providerName } : null,
    venue: p.venue,
    eligibleTags: p.eligibleTags,
    minAge: p.minAge,
    maxAge: p.maxAge,
    capacity: p.capacity,
    enrolled: p.enrolled,
    sessions: p.sessions,
    attendances: p.attendances,
    abilities: programmeAbilities(actor, p),
  };
}

type WorkerRow = { id: string; orgId: string; name: string; qualification: string; certificateNo: string | null };

export function presentWorker(w: WorkerRow): SocialWorkerDto {
  return {
    id: w.id,
    orgId: w.orgId,
    name: w.name,
    qualification: SocialWorkerQualification.parse(w.qualification),
    certificateNo: w.certificateNo,
  };
}
