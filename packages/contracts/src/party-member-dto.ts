import { z } from 'zod';
import { Password } from './auth.js';
import { PageQuery, paged } from './common.js';
import { type Text, text } from './locale.js';
import {
  AgeBand,
  Education,
  Employment,
  PartyFlow,
  PartyMemberStatus,
  PartyOrgFigures,
  PartyOrgKind,
  PartyRegistration,
  PartyStanding,
} from './party-dto.js';
import { Username } from './user-dto.js';

/** Party members (党员): the membership record, its list, edits, figures and the reveal of a phone. */

const count = z.number().int().min(0);

/** canReveal: pii.reveal over the member's scope (staff, not party organisers); canOpenAccount: an in-service member without one. */
export const PartyMemberAbilities = z.object({ canEdit: z.boolean(), canReveal: z.boolean(), canOpenAccount: z.boolean() });

export const PartyMemberDto = z
  .object({
    id: z.uuid(),
    org: z.object({ id: z.uuid(), name: z.string(), kind: PartyOrgKind }),
    residentId: z.uuid().nullable(),
    name: z.string(),
    sex: z.number().int(),
    age: z.number().int().nullable(),
    /** masked as 138****5678 */
    phone: z.string().nullable(),
    standing: PartyStanding,
    joinedOn: z.iso.date().nullable(),
    education: Education.nullable(),
    employment: Employment,
    registration: PartyRegistration,
    flow: PartyFlow,
    flowNote: z.string().nullable(),
    workUnit: z.string().nullable(),
    reportedOn: z.iso.date().nullable(),
    commitments: z.string().nullable(),
    /** duty-log hours on the posts the member held */
    hours: z.number().min(0),
    posts: z.array(z.object({ holderId: z.uuid(), postId: z.uuid(), title: z.string(), status: z.string() })),
    status: PartyMemberStatus,
    leftOn: z.iso.date().nullable(),
    /** an in-service member reporting here has a sign-in account */
    hasAccount: z.boolean(),
    abilities: PartyMemberAbilities,
  })
  .meta({ id: 'PartyMember' });
export type PartyMemberDto = z.infer<typeof PartyMemberDto>;

export const PartyMemberListQuery = PageQuery.extend({
  communityId: z.uuid().optional(),
  /** this organisation and everything under it */
  orgId: z.uuid().optional(),
  registration: PartyRegistration.optional(),
  status: PartyMemberStatus.default('active'),
  q: z.string().trim().max(40).optional(),
});
export type PartyMemberListQuery = z.infer<typeof PartyMemberListQuery>;

export const PartyMemberListDto = paged(PartyMemberDto);
export type PartyMemberListDto = z.infer<typeof PartyMemberListDto>;

const memberFields = {
  orgId: z.uuid(),
  standing: PartyStanding.default('full'),
  joinedOn: z.iso.date().nullable().default(null),
  education: Education.nullable().default(null),
  employment: Employment.default('in_service'),
  registration: PartyRegistration.default('local'),
  flow: PartyFlow.default('none'),
  flowNote: z.string().trim().max(200).nullable().default(null),
  workUnit: z.string().trim().max(100).nullable().default(null),
  reportedOn: z.iso.date().nullable().default(null),
  commitments: z.string().trim().max(500).nullable().default(null),
};

/**
 * A member living in the community names their resident record; one living elsewhere (an in-service member
 * reporting here) gives name, sex, birth date and phone instead.
 */
export const CreatePartyMemberInput = z.object({
  ...memberFields,
  residentId: z.uuid().nullable().default(null),
  name: z.string().trim().min(1).max(40).optional(),
  sex: z.union([z.literal(1), z.literal(2)]).optional(),
  birthDate: z.iso.date().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/)
    .optional(),
});
export type CreatePartyMemberInput = z.infer<typeof CreatePartyMemberInput>;

/** Why a membership here ended: 组织关系转出, 去世, or another reason. */
export const PartyLeftReason = z.enum(['transferred_out', 'deceased', 'other']);
export type PartyLeftReason = z.infer<typeof PartyLeftReason>;
export const PARTY_LEFT_REASON_LABELS: Record<PartyLeftReason, Text> = {
  transferred_out: text('组织关系转出', 'Transferred out'),
  deceased: text('去世', 'Deceased'),
  other: text('其他', 'Other'),
};

export const UpdatePartyMemberInput = z.object({
  orgId: z.uuid().optional(),
  standing: PartyStanding.optional(),
  joinedOn: z.iso.date().nullable().optional(),
  education: Education.nullable().optional(),
  employment: Employment.optional(),
  flow: PartyFlow.optional(),
  flowNote: z.string().trim().max(200).nullable().optional(),
  workUnit: z.string().trim().max(100).nullable().optional(),
  commitments: z.string().trim().max(500).nullable().optional(),
  /** ending a membership here (transferred out, deceased): `left` with the date */
  status: PartyMemberStatus.optional(),
  leftOn: z.iso.date().optional(),
  /** why it ended; kept in the flow note and the audit log */
  leftReason: PartyLeftReason.optional(),
});
export type UpdatePartyMemberInput = z.infer<typeof UpdatePartyMemberInput>;

export const PartyFiguresQuery = z.object({
  communityId: z.uuid().optional(),
  /** ages are counted on this day (China time today by default) */
  asOf: z.iso.date().optional(),
});
export type PartyFiguresQuery = z.infer<typeof PartyFiguresQuery>;

const keyed = <K extends z.ZodType>(key: K) => z.array(z.object({ key, count }));

export const PartyFiguresDto = z
  .object({
    communityId: z.uuid().nullable(),
    asOf: z.iso.date(),
    totals: PartyOrgFigures,
    byBranch: z.array(z.object({ orgId: z.uuid(), name: z.string(), communityId: z.uuid(), count })),
    byAgeBand: keyed(AgeBand),
    byEducation: keyed(Education.or(z.literal('unknown'))),
    byEmployment: keyed(Employment),
    coverage: z.object({ grids: count, gridsCovered: count, buildings: count, buildingsCovered: count }),
  })
  .meta({ id: 'PartyFigures' });
export type PartyFiguresDto = z.infer<typeof PartyFiguresDto>;

/** Showing a member's phone in full: the reason is kept in the audit log. */
export const PartyRevealInput = z.object({ reason: z.string().trim().min(4).max(200) });
export type PartyRevealInput = z.infer<typeof PartyRevealInput>;
export const PartyRevealDto = z.object({ phone: z.string().nullable() });
export type PartyRevealDto = z.infer<typeof PartyRevealDto>;

/** A sign-in account for an in-service member reporting here (在职党员报到), who lives elsewhere. */
export const MemberAccountInput = z.object({ username: Username, password: Password });
export type MemberAccountInput = z.infer<typeof MemberAccountInput>;

/** Residents of a community a party organiser may register as members (name and building only; not members yet). */
export const PartyResidentQuery = z.object({ communityId: z.uuid(), q: z.string().trim().min(1).max(40) });
export const PartyResidentHitsDto = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), age: z.number().int().nullable(), address: z.object({ text: z.string() }) })),
});
export type PartyResidentHitsDto = z.infer<typeof PartyResidentHitsDto>;
