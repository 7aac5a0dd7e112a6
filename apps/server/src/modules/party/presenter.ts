import { type PartyMemberDto, type PartyOrgDto, type PartyOrgFigures, ageOn, maskPhone } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import type { Pii } from '../../core/pii.js';
import { canEditParty, canOpenAccount, canRevealMember, partyOrgAbilities } from './policy.js';
import type { AreaRow, PartyOrgRow } from './repo.js';
import type { MemberExtras, MemberRow } from './repo-members.js';

export type OrgContext = {
  actor: Actor;
  areas: Map<string, AreaRow>;
  secretaries: Map<string, string>;
  direct: Map<string, number>;
  strips: Map<string, PartyOrgFigures>;
  childCount: Map<string, number>;
};

const EMPTY_STRIP: PartyOrgFigures = {
  members: 0,
  probationary: 0,
  reporting: 0,
  under46: 0,
  bachelor: 0,
  postgraduate: 0,
  posts: 0,
  postsHeld: 0,
};

export function presentOrg(o: PartyOrgRow, c: OrgContext): PartyOrgDto {
  const area = c.areas.get(o.areaId);
  const strip = c.strips.get(o.id) ?? EMPTY_STRIP;
  const isEmpty = (c.childCount.get(o.id) ?? 0) === 0 && (c.direct.get(o.id) ?? 0) === 0 && strip.posts === 0;
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    parentId: o.parentId,
    area: { id: o.areaId, kind: area?.kind ?? 'community', code: area?.code ?? '', name: area?.name ?? '' },
    communityId: o.communityId,
    secretary: o.secretaryMemberId ? { memberId: o.secretaryMemberId, name: c.secretaries.get(o.secretaryMemberId) ?? '' } : null,
    directMembers: c.direct.get(o.id) ?? 0,
    figures: strip,
    abilities: partyOrgAbilities(c.actor, o, isEmpty),
  };
}

/** Phones leave the server masked (138****5678); a damaged ciphertext shows its stored tail only. */
function maskedPhone(pii: Pii, enc: Buffer | null, tail: string | null): string | null {
  if (!enc) return null;
  try {
    return maskPhone(pii.decrypt(enc));
  } catch {
    return `*******${tail ?? '****'}`;
  }
}

export function presentMember(m: MemberRow, extras: MemberExtras, ctx: { actor: Actor; pii: Pii; today: string }): PartyMemberDto {
  return {
    id: m.id,
    org: { id: m.orgId, name: m.orgName, kind: m.orgKind },
    residentId: m.residentId,
    name: m.name,
    sex: m.sex,
    age: m.birthDate ? ageOn(m.birthDate, ctx.today) : null,
    phone: maskedPhone(ctx.pii, m.phoneEnc, m.phoneTail),
    standing: m.standing,
    joinedOn: m.joinedOn,
    education: m.education,
    employment: m.employment,
    registration: m.registration,
    flow: m.flow,
    flowNote: m.flowNote,
    workUnit: m.workUnit,
    reportedOn: m.reportedOn,
    commitments: m.commitments,
    hours: extras.hours.get(m.id) ?? 0,
    posts: extras.holdings.get(m.id) ?? [],
    status: m.status,
    leftOn: m.leftOn,
    hasAccount: m.userId !== null,
    abilities: {
      canEdit: canEditParty(ctx.actor, m),
      canReveal: canRevealMember(ctx.actor, m) && m.phoneEnc !== null,
      canOpenAccount: canOpenAccount(ctx.actor, m),
    },
  };
}
