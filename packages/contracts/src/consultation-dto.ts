import { z } from 'zod';
import { paged } from './common.js';

/** 议事协商 topics. */
export const VoteTopicKind = z.enum([
  'parking',
  'property_selection',
  'maintenance_fund',
  'renovation',
  'maintenance_fund_raise',
  'rebuilding',
  'common_parts',
  'owners_committee',
  'other',
]);
export type VoteTopicKind = z.infer<typeof VoteTopicKind>;
export const VOTE_TOPIC_LABELS: Record<VoteTopicKind, { 'zh-CN': string; en: string }> = {
  parking: { 'zh-CN': '车位分配', en: 'Parking allocation' },
  property_selection: { 'zh-CN': '物业选聘', en: 'Choosing a property company' },
  maintenance_fund: { 'zh-CN': '维修资金使用', en: 'Maintenance funds' },
  renovation: { 'zh-CN': '老旧小区改造', en: 'Old-compound renovation' },
  maintenance_fund_raise: { 'zh-CN': '筹集维修资金', en: 'Raising maintenance funds' },
  rebuilding: { 'zh-CN': '改建、重建建筑物', en: 'Rebuilding' },
  common_parts: { 'zh-CN': '改变共有部分用途', en: 'Changing the use of common parts' },
  owners_committee: { 'zh-CN': '选举业主委员会', en: "Electing the owners' committee" },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/**
 * Who may vote: one vote per household of a compound or of a building, one per resident representative, or
 * `owners`: one vote per exclusive part (flat) of a compound or building, counted by floor area and by owners.
 */
export const VoteEligibility = z.enum(['compound_households', 'building_households', 'representatives', 'owners']);
export type VoteEligibility = z.infer<typeof VoteEligibility>;

/** The area kinds each eligibility puts a topic to. */
export const ELIGIBILITY_AREA_KINDS = {
  compound_households: ['compound'],
  building_households: ['building'],
  representatives: ['community'],
  owners: ['compound', 'building'],
} as const satisfies Record<VoteEligibility, readonly string[]>;

/** Owners' matters (Civil Code art. 278) that an `owners` vote may decide. */
export const OWNER_TOPIC_KINDS: readonly VoteTopicKind[] = [
  'property_selection',
  'maintenance_fund',
  'maintenance_fund_raise',
  'rebuilding',
  'common_parts',
  'owners_committee',
];
/** Owners' matters that need ≥ 3/4 of the participating area and owners (the others: more than half). */
export const THREE_QUARTER_KINDS: readonly VoteTopicKind[] = ['maintenance_fund_raise', 'rebuilding', 'common_parts'];

/** How a vote arrived: online from the portal, in person at the desk, or a paper ballot entered by staff. */
export const VoteChannel = z.enum(['online', 'in_person', 'paper']);
export type VoteChannel = z.infer<typeof VoteChannel>;

export const VoteOption = z.object({ key: z.string().regex(/^[a-z0-9_-]{1,20}$/), label: z.string().trim().min(1).max(100) });
export type VoteOption = z.infer<typeof VoteOption>;

/** A new consultation: the area whose households (or representatives) vote, options, quorum and closing time. */
export const VoteTopicInput = z.object({
  title: z.string().trim().min(2).max(100),
  description: z.string().trim().max(2000).default(''),
  kind: VoteTopicKind,
  eligibility: VoteEligibility,
  /** a compound for compound_households, a building for building_households, a community for representatives */
  areaId: z.uuid(),
  options: z.array(VoteOption).min(2).max(10),
  /** votes needed for the result to stand */
  quorum: z.number().int().min(1).max(100000),
  closesAt: z.iso.datetime({ offset: true }),
});
export type VoteTopicInput = z.infer<typeof VoteTopicInput>;

/** A vote: residents send only the option; staff also name the household (or representative) and the channel. */
export const BallotInput = z.object({
  optionKey: z.string().min(1).max(20),
  channel: VoteChannel.default('online'),
  /** staff recording an in-person or paper vote: the voter (a resident; their household is counted) */
  residentId: z.uuid().optional(),
  /** owners' votes: the flat voted for, when the voter's household owns more than one there */
  flatId: z.uuid().optional(),
});
export type BallotInput = z.infer<typeof BallotInput>;

/** Owners' votes: whose flats to list — staff name the voter (desk and paper votes), a resident asks for their own. */
export const VoterPartsQuery = z.object({ residentId: z.uuid().optional() });
export type VoterPartsQuery = z.infer<typeof VoterPartsQuery>;
/** An exclusive part (flat) the voter's household owns where the topic is put, and whether it has voted. */
export const VoterPartDto = z.object({
  flatId: z.uuid(),
  buildingName: z.string(),
  unitNo: z.number().int(),
  flatNo: z.string(),
  areaM2: z.number(),
  voted: z.boolean(),
});
export type VoterPartDto = z.infer<typeof VoterPartDto>;
export const VoterPartList = z.object({ items: z.array(VoterPartDto) });
export type VoterPartList = z.infer<typeof VoterPartList>;

export const VoteTally = z.object({ key: z.string(), label: z.string(), votes: z.number().int() });

/** An owners' vote counted both ways: exclusive area (m²) and owners, against the Civil Code thresholds. */
export const OwnerCount = z.object({ area: z.number(), owners: z.number().int() });
export const OwnerVoteDto = z.object({
  /** the eligible base: all exclusive parts of the area with an owner */
  total: OwnerCount.extend({ flats: z.number().int() }),
  /** the parts and owners that took part */
  voted: OwnerCount.extend({ flats: z.number().int() }),
  /** ≥ 2/3 of the area and ≥ 2/3 of the owners took part */
  areaReached: z.boolean(),
  ownersReached: z.boolean(),
  /** 'majority' (> 1/2 of the participating area and owners) or 'three_quarters' (≥ 3/4 of both) */
  rule: z.enum(['majority', 'three_quarters']),
  /** per option: the area and owners that chose it (staff always, residents once published) */
  options: z.array(OwnerCount.extend({ key: z.string(), passes: z.boolean() })).nullable(),
});
export type OwnerVoteDto = z.infer<typeof OwnerVoteDto>;

export const VoteTopicDto = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  kind: VoteTopicKind,
  eligibility: VoteEligibility,
  areaId: z.uuid(),
  areaName: z.string(),
  communityId: z.uuid(),
  options: z.array(VoteOption),
  quorum: z.number().int(),
  closesAt: z.string(),
  status: z.enum(['open', 'closed']),
  /** households (or representatives) that may vote */
  eligibleCount: z.number().int(),
  /** votes cast, each household once */
  votedCount: z.number().int(),
  byChannel: z.record(VoteChannel, z.number().int()),
  quorumReached: z.boolean(),
  /** the tally: while open only to staff; to residents once published */
  tally: z.array(VoteTally).nullable(),
  winner: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** the signed-in resident's household vote, if any */
  myVote: z.object({ optionKey: z.string(), channel: VoteChannel, castAt: z.string() }).nullable(),
  abilities: z.object({ vote: z.boolean(), record: z.boolean(), publish: z.boolean() }),
  /** owners' votes only: participation and consent by area and by owners */
  owners: OwnerVoteDto.nullable(),
});
export type VoteTopicDto = z.infer<typeof VoteTopicDto>;

export const VoteTopicList = paged(VoteTopicDto);
export type VoteTopicList = z.infer<typeof VoteTopicList>;
export const VoteTopicQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type VoteTopicQuery = z.infer<typeof VoteTopicQuery>;

/** One recorded vote as staff see it (the voter's name masked). */
export const BallotDto = z.object({
  id: z.uuid(),
  optionKey: z.string(),
  channel: VoteChannel,
  voterName: z.string(),
  address: z.string(),
  castAt: z.string(),
});
export type BallotDto = z.infer<typeof BallotDto>;
export const BallotList = z.object({ items: z.array(BallotDto) });
export type BallotList = z.infer<typeof BallotList>;

/** Registering an owner (业主): the resident's household owns its flat, of this floor area; `owner: false` clears it. */
export const OwnerRecordInput = z.object({
  floorAreaM2: z.number().min(5).max(2000),
  owner: z.boolean().default(true),
});
export type OwnerRecordInput = z.infer<typeof OwnerRecordInput>;
export const OwnerRecordDto = z.object({
  flatId: z.uuid(),
  floorAreaM2: z.number(),
  ownerHouseholdId: z.uuid().nullable(),
});
export type OwnerRecordDto = z.infer<typeof OwnerRecordDto>;
