import { z } from 'zod';
import { PersonRef } from './order-dto.js';

/** 纠纷类型: the kinds of dispute the people's mediation committee takes. */
export const DisputeKind = z.enum(['neighbour', 'property_fee', 'parking', 'family', 'renovation_noise', 'labour', 'other']);
export type DisputeKind = z.infer<typeof DisputeKind>;
export const DISPUTE_KIND_LABELS: Record<DisputeKind, { 'zh-CN': string; en: string }> = {
  neighbour: { 'zh-CN': '邻里纠纷', en: 'Neighbours' },
  property_fee: { 'zh-CN': '物业费纠纷', en: 'Property fee' },
  parking: { 'zh-CN': '停车纠纷', en: 'Parking' },
  family: { 'zh-CN': '家庭纠纷', en: 'Family' },
  renovation_noise: { 'zh-CN': '装修噪音', en: 'Renovation noise' },
  labour: { 'zh-CN': '劳动纠纷', en: 'Labour' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const MediationStatus = z.enum(['open', 'agreed', 'failed', 'withdrawn']);
export type MediationStatus = z.infer<typeof MediationStatus>;

/** A month, as the rules say; longer only with both parties' consent. */
export const MEDIATION_LIMIT_DAYS = 30;
/** Mediators are reminded this many days before the limit. */
export const MEDIATION_REMIND_DAYS = 7;

const Line = z.string().trim().min(1).max(200);
const Long = z.string().trim().min(1).max(4000);

export const PartyInput = z.union([
  z.object({ kind: z.literal('resident'), residentId: z.uuid(), side: z.enum(['applicant', 'respondent']) }),
  z.object({ kind: z.literal('org'), name: Line, side: z.enum(['applicant', 'respondent']) }),
]);
export type PartyInput = z.infer<typeof PartyInput>;

/** 立案: a case opened directly (with its community) or from an order (its place comes from the order). */
export const OpenMediationInput = z.object({
  kind: DisputeKind,
  title: Line,
  facts: Long,
  communityId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  parties: z.array(PartyInput).min(2).max(20),
  /** the first presides */
  mediatorIds: z.array(z.uuid()).min(1).max(9),
});
export type OpenMediationInput = z.infer<typeof OpenMediationInput>;

export const SessionInput = z.object({ heldAt: z.iso.datetime({ offset: true }), place: Line, notes: Long });
export type SessionInput = z.infer<typeof SessionInput>;

/** 调解协议书: the matters the rules ask for. */
export const AgreementTerms = z.object({
  facts: Long,
  matters: Long,
  responsibility: Long,
  agreed: Long,
  performance: Long,
});
export type AgreementTerms = z.infer<typeof AgreementTerms>;

export const CloseMediationInput = z.object({ outcome: MediationStatus.exclude(['open']), summary: Long });
export type CloseMediationInput = z.infer<typeof CloseMediationInput>;

export const FollowUpInput = z.object({ visitedOn: z.iso.date(), performed: z.boolean(), notes: Long });
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const MediationParams = z.object({ id: z.uuid() });

export const MediationPartyDto = z.object({
  id: z.uuid(),
  kind: z.enum(['resident', 'org']),
  side: z.enum(['applicant', 'respondent']),
  /** masked (张*) for everyone but the case's mediators */
  name: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
export const MediationSessionDto = z.object({
  id: z.uuid(),
  heldAt: z.string(),
  place: z.string(),
  notes: z.string(),
  recordedBy: z.string(),
});
export const AgreementDto = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(['draft', 'signed', 'superseded']),
  terms: AgreementTerms,
  signedAt: z.string().nullable(),
  supersedesId: z.uuid().nullable(),
  abilities: z.array(z.enum(['edit', 'sign'])),
});
export type AgreementDto = z.infer<typeof AgreementDto>;
export const FollowUpDto = z.object({
  id: z.uuid(),
  visitedOn: z.string(),
  performed: z.boolean(),
  notes: z.string(),
  visitor: z.string(),
});

export const MediationAbility = z.enum(['record', 'draft_agreement', 'close', 'follow_up']);
export const MediationCaseItem = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  kind: DisputeKind,
  title: z.string(),
  status: MediationStatus,
  communityId: z.uuid(),
  orderId: z.uuid().nullable(),
  openedAt: z.string(),
  dueAt: z.string(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type MediationCaseItem = z.infer<typeof MediationCaseItem>;
export const MediationCaseDto = MediationCaseItem.extend({
  facts: z.string(),
  summary: z.string().nullable(),
  communityName: z.string(),
  parties: z.array(MediationPartyDto),
  mediators: z.array(PersonRef.extend({ presiding: z.boolean() })),
  sessions: z.array(MediationSessionDto),
  agreements: z.array(AgreementDto),
  followUps: z.array(FollowUpDto),
  abilities: z.array(MediationAbility),
});
export type MediationCaseDto = z.infer<typeof MediationCaseDto>;
export const MediationCaseList = z.object({ items: z.array(MediationCaseItem), total: z.number().int() });
export type MediationCaseList = z.infer<typeof MediationCaseList>;
export const MediationQuery = z.object({
  status: MediationStatus.optional(),
  kind: DisputeKind.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type MediationQuery = z.infer<typeof MediationQuery>;
