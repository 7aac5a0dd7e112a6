import { z } from 'zod';
import { AreaKind } from './areas.js';
import { AreaRef } from './area-dto.js';
import { type Text, text } from './locale.js';

/** 党组织 levels: 社区党委 committee · 党总支 general branch · 党支部 branch · 党小组 group · 楼栋红色驿站 red post. */
export const PartyOrgKind = z.enum(['committee', 'general_branch', 'branch', 'group', 'red_post']);
export type PartyOrgKind = z.infer<typeof PartyOrgKind>;

export const PARTY_ORG_KIND_LABELS: Record<PartyOrgKind, Text> = {
  committee: text('社区党委', 'Community party committee'),
  general_branch: text('党总支', 'General party branch'),
  branch: text('党支部', 'Party branch'),
  group: text('党小组', 'Party group'),
  red_post: text('楼栋红色驿站', 'Building red post'),
};

/** Which kinds may sit under which: the tree's levels. A root (no parent) is a committee or a general branch. */
export const PARTY_ORG_CHILDREN: Record<PartyOrgKind, readonly PartyOrgKind[]> = {
  committee: ['general_branch', 'branch'],
  general_branch: ['branch'],
  branch: ['group'],
  group: ['red_post'],
  red_post: [],
};
export const PARTY_ORG_ROOTS: readonly PartyOrgKind[] = ['committee', 'general_branch'];

/** The area kinds each level binds to; a child's area lies inside its parent's. */
export const PARTY_ORG_AREA_KINDS: Record<PartyOrgKind, readonly AreaKind[]> = {
  committee: ['community'],
  general_branch: ['community'],
  branch: ['community', 'compound', 'grid'],
  group: ['community', 'compound', 'grid'],
  red_post: ['building'],
};

/** 学历, grouped as party statistics report them. */
export const Education = z.enum(['primary', 'junior_high', 'senior_high', 'vocational', 'college', 'bachelor', 'postgraduate']);
export type Education = z.infer<typeof Education>;
export const EDUCATION_LABELS: Record<Education, Text> = {
  primary: text('小学及以下', 'Primary or below'),
  junior_high: text('初中', 'Junior high'),
  senior_high: text('高中', 'Senior high'),
  vocational: text('中专', 'Vocational school'),
  college: text('大专', 'College'),
  bachelor: text('本科', "Bachelor's degree"),
  postgraduate: text('研究生', 'Postgraduate'),
};

/** 在职 in service · 离退休 retired · 其他 other (unemployed, student). */
export const Employment = z.enum(['in_service', 'retired', 'other']);
export type Employment = z.infer<typeof Employment>;
export const EMPLOYMENT_LABELS: Record<Employment, Text> = {
  in_service: text('在职', 'In service'),
  retired: text('离退休', 'Retired'),
  other: text('其他', 'Other'),
};

/** 正式党员 / 预备党员 (GB/T 4762 codes 01 and 02). */
export const PartyStanding = z.enum(['full', 'probationary']);
export type PartyStanding = z.infer<typeof PartyStanding>;

/** local: the membership is kept here · reporting: an in-service member reporting to the community (在职党员报到). */
export const PartyRegistration = z.enum(['local', 'reporting']);
export type PartyRegistration = z.infer<typeof PartyRegistration>;

/** 流入 / 流出党员: members whose membership and whereabouts differ. */
export const PartyFlow = z.enum(['none', 'flow_in', 'flow_out']);
export type PartyFlow = z.infer<typeof PartyFlow>;

export const PartyMemberStatus = z.enum(['active', 'left']);
export type PartyMemberStatus = z.infer<typeof PartyMemberStatus>;

/** Age bands of the figures; "under 46" (the seeds' figure) is the first two. */
export const AgeBand = z.enum(['to35', '36to45', '46to60', '61to70', 'over70']);
export type AgeBand = z.infer<typeof AgeBand>;
export const AGE_BAND_LABELS: Record<AgeBand, Text> = {
  to35: text('35岁及以下', '35 or under'),
  '36to45': text('36–45岁', '36–45'),
  '46to60': text('46–60岁', '46–60'),
  '61to70': text('61–70岁', '61–70'),
  over70: text('71岁及以上', '71 or over'),
};

/** The band of an age in whole years. */
export function ageBandOf(age: number): AgeBand {
  if (age <= 35) return 'to35';
  if (age <= 45) return '36to45';
  if (age <= 60) return '46to60';
  if (age <= 70) return '61to70';
  return 'over70';
}

/** Whole years between a birth date and a day (both ISO dates). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const count = z.number().int().min(0);

/** The strip of figures every organisation shows (its whole subtree). */
export const PartyOrgFigures = z.object({
  members: count,
  probationary: count,
  reporting: count,
  under46: count,
  bachelor: count,
  postgraduate: count,
  postsHeld: count,
  posts: count,
});
export type PartyOrgFigures = z.infer<typeof PartyOrgFigures>;

export const PartyOrgAbilities = z.object({ canEdit: z.boolean(), canAddChild: z.boolean(), canDelete: z.boolean() });

export const PartyOrgDto = z
  .object({
    id: z.uuid(),
    kind: PartyOrgKind,
    name: z.string(),
    parentId: z.uuid().nullable(),
    area: AreaRef,
    communityId: z.uuid(),
    secretary: z.object({ memberId: z.uuid(), name: z.string() }).nullable(),
    /** members whose organisation is this one (not its subtree) */
    directMembers: count,
    figures: PartyOrgFigures,
    abilities: PartyOrgAbilities,
  })
  .meta({ id: 'PartyOrg' });
export type PartyOrgDto = z.infer<typeof PartyOrgDto>;

export const PartyTreeQuery = z.object({ communityId: z.uuid().optional() });
export type PartyTreeQuery = z.infer<typeof PartyTreeQuery>;

/** A community's whole tree as a flat list, parents before children; `canCreateRoot` when it may get a root. */
export const PartyTreeDto = z.object({
  communityId: z.uuid().nullable(),
  items: z.array(PartyOrgDto),
  canCreateRoot: z.boolean(),
});
export type PartyTreeDto = z.infer<typeof PartyTreeDto>;

export const CreatePartyOrgInput = z.object({
  kind: PartyOrgKind,
  name: z.string().trim().min(1).max(80),
  parentId: z.uuid().nullable().default(null),
  areaId: z.uuid(),
});
export type CreatePartyOrgInput = z.infer<typeof CreatePartyOrgInput>;

export const UpdatePartyOrgInput = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  areaId: z.uuid().optional(),
  /** a member of the organisation's subtree, or null to clear */
  secretaryMemberId: z.uuid().nullable().optional(),
});
export type UpdatePartyOrgInput = z.infer<typeof UpdatePartyOrgInput>;
