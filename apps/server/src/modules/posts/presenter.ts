import type { PostDto } from '@linli/contracts';
import { canLogDuty, holderEvents, postAbilities, type Viewer } from './policy.js';
import type { PostView } from './repo.js';

export function presentPost(r: PostView, v: Viewer): PostDto {
  const p = r.post;
  const holder =
    r.holderId && r.holderStatus ? { status: r.holderStatus, memberId: r.holderMemberId, residentId: r.holderResidentId } : null;
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    duties: p.duties,
    area: { id: p.areaId, kind: r.areaKind, code: r.areaCode, name: r.areaName },
    communityId: p.communityId,
    partyOrgId: p.partyOrgId,
    active: p.active,
    holder: holder
      ? {
          id: r.holderId!,
          ...holder,
          name: r.holderName ?? '',
          since: (r.holderSince ?? new Date()).toISOString(),
          events: holderEvents(v, p, holder),
          canLog: canLogDuty(v, p, holder),
        }
      : null,
    abilities: postAbilities(v, p, holder),
  };
}
