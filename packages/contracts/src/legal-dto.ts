import { z } from 'zod';

/** 法律咨询 topics. */
export const LegalTopic = z.enum(['family', 'inheritance', 'labour', 'property', 'neighbour', 'contract', 'consumer', 'other']);
export type LegalTopic = z.infer<typeof LegalTopic>;
export const LEGAL_TOPIC_LABELS: Record<LegalTopic, { 'zh-CN': string; en: string }> = {
  family: { 'zh-CN': '婚姻家庭', en: 'Marriage and family' },
  inheritance: { 'zh-CN': '继承', en: 'Inheritance' },
  labour: { 'zh-CN': '劳动用工', en: 'Labour' },
  property: { 'zh-CN': '物业与房产', en: 'Property and housing' },
  neighbour: { 'zh-CN': '相邻关系', en: 'Neighbours' },
  contract: { 'zh-CN': '合同债务', en: 'Contracts and debts' },
  consumer: { 'zh-CN': '消费维权', en: 'Consumer rights' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** One lawyer's weekly duty at the legal service center (值班律师). */
export const DutySlotDto = z.object({
  id: z.uuid(),
  /** 1 = Monday … 7 = Sunday */
  weekday: z.number().int().min(1).max(7),
  startsAt: z.string(),
  endsAt: z.string(),
  lawyerName: z.string(),
  firm: z.string(),
});
export type DutySlotDto = z.infer<typeof DutySlotDto>;

export const LegalRosterDto = z.object({
  center: z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable() }).nullable(),
  slots: z.array(DutySlotDto),
});
export type LegalRosterDto = z.infer<typeof LegalRosterDto>;
export const LegalRosterQuery = z.object({ communityId: z.uuid().optional() });
export type LegalRosterQuery = z.infer<typeof LegalRosterQuery>;

/** A consultation recorded at the center: the topic, the question and the advice given. */
export const ConsultationInput = z.object({
  orgId: z.uuid(),
  consultedOn: z.iso.date(),
  topic: LegalTopic,
  question: z.string().trim().min(1).max(2000),
  advice: z.string().trim().min(1).max(4000),
  lawyerName: z.string().trim().min(1).max(50),
  /** the resident, by registry link, when they agree to be recorded */
  residentId: z.uuid().optional(),
});
export type ConsultationInput = z.infer<typeof ConsultationInput>;

export const ConsultationDto = z.object({
  id: z.uuid(),
  orgName: z.string(),
  consultedOn: z.string(),
  topic: LegalTopic,
  question: z.string(),
  advice: z.string(),
  lawyerName: z.string(),
  /** masked (张*) */
  residentName: z.string().nullable(),
});
export type ConsultationDto = z.infer<typeof ConsultationDto>;
export const ConsultationList = z.object({ items: z.array(ConsultationDto), total: z.number().int() });
export type ConsultationList = z.infer<typeof ConsultationList>;
export const ConsultationQuery = z.object({
  topic: LegalTopic.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ConsultationQuery = z.infer<typeof ConsultationQuery>;
