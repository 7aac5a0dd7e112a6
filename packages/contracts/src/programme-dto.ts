import { z } from 'zod';
import { CreateOrderInput, OrderIntake } from './order-dto.js';

/** 一老一小: the care programmes a community runs for its elderly and its children. */
export const ProgrammeKind = z.enum([
  /** 助餐 */
  'meal_aid',
  /** 日间照料 */
  'day_care',
  /** 老年公寓 */
  'elderly_apartment',
  /** 康复 */
  'rehabilitation',
  /** 关爱探访 */
  'comfort_visit',
  /** 老年教育文娱 */
  'elderly_education',
  /** 小饭桌 */
  'small_dining_table',
  /** 课业辅导 */
  'tutoring',
  /** 青少年培训 */
  'youth_training',
]);
export type ProgrammeKind = z.infer<typeof ProgrammeKind>;

export const PROGRAMME_KIND_LABELS: Record<ProgrammeKind, { 'zh-CN': string; en: string }> = {
  meal_aid: { 'zh-CN': '助餐', en: 'Meal aid' },
  day_care: { 'zh-CN': '日间照料', en: 'Day care' },
  elderly_apartment: { 'zh-CN': '老年公寓', en: 'Elderly apartment' },
  rehabilitation: { 'zh-CN': '康复', en: 'Rehabilitation' },
  comfort_visit: { 'zh-CN': '关爱探访', en: 'Comfort visits' },
  elderly_education: { 'zh-CN': '老年教育文娱', en: 'Elderly education and entertainment' },
  small_dining_table: { 'zh-CN': '小饭桌', en: 'Small dining table' },
  tutoring: { 'zh-CN': '课业辅导', en: 'Tutoring' },
  youth_training: { 'zh-CN': '青少年培训', en: 'Youth training' },
};

const age = z.number().int().min(0).max(150);

/** What a programme is, without defaults: the create form fills them, an edit sends only what changes. */
const ProgrammeFields = z.object({
  kind: ProgrammeKind,
  name: z.string().trim().min(1).max(100),
  providerOrgId: z.uuid().nullable(),
  venue: z.string().trim().max(200),
  eligibleTags: z.array(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/)).max(20),
  minAge: age.nullable(),
  maxAge: age.nullable(),
  capacity: z.number().int().min(1).max(10000).nullable(),
});
const ageOrder = { path: ['maxAge'], message: 'maxAge < minAge' };
const agesInOrder = (v: { minAge?: number | null; maxAge?: number | null }) =>
  v.minAge === null || v.minAge === undefined || v.maxAge === null || v.maxAge === undefined || v.minAge <= v.maxAge;

const f = ProgrammeFields.shape;
export const CreateProgrammeInput = ProgrammeFields.extend({
  communityId: z.uuid(),
  providerOrgId: f.providerOrgId.default(null),
  venue: f.venue.default(''),
  eligibleTags: f.eligibleTags.default([]),
  minAge: f.minAge.default(null),
  maxAge: f.maxAge.default(null),
  capacity: f.capacity.default(null),
}).refine(agesInOrder, ageOrder);
export type CreateProgrammeInput = z.infer<typeof CreateProgrammeInput>;

/** PATCH /api/programmes/:id: the fields that change (the community stays); the server checks the ages against the stored ones. */
export const UpdateProgrammeInput = ProgrammeFields.partial().refine(agesInOrder, ageOrder);
export type UpdateProgrammeInput = z.infer<typeof UpdateProgrammeInput>;

export const ProgrammeDto = z
  .object({
    id: z.uuid(),
    communityId: z.uuid(),
    kind: ProgrammeKind,
    name: z.string(),
    provider: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    venue: z.string(),
    eligibleTags: z.array(z.string()),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    capacity: z.number().int().nullable(),
    enrolled: z.number().int(),
    sessions: z.number().int(),
    attendances: z.number().int(),
    abilities: z.object({ canEnrol: z.boolean(), canRecordSession: z.boolean(), canEdit: z.boolean() }),
  })
  .meta({ id: 'Programme' });
export type ProgrammeDto = z.infer<typeof ProgrammeDto>;

export const ProgrammeListQuery = z.object({ communityId: z.uuid().optional(), kind: ProgrammeKind.optional() });
export type ProgrammeListQuery = z.infer<typeof ProgrammeListQuery>;
export const ProgrammeListDto = z.object({ items: z.array(ProgrammeDto) });
export type ProgrammeListDto = z.infer<typeof ProgrammeListDto>;

export const ProgrammeParams = z.object({ id: z.uuid() });
export type ProgrammeParams = z.infer<typeof ProgrammeParams>;

const day = z.iso.date();

export const EnrolInput = z.object({
  residentId: z.uuid(),
  enrolledOn: day.optional(),
  /** the visit (走访) whose need this enrolment answers, and which need: that need becomes `ordered` */
  visitId: z.uuid().optional(),
  needIndex: z.number().int().min(0).optional(),
});
export type EnrolInput = z.infer<typeof EnrolInput>;

export const EnrolmentDto = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    residentId: z.uuid(),
    residentName: z.string(),
    householdId: z.uuid(),
    enrolledOn: z.string(),
  })
  .meta({ id: 'ProgrammeEnrolment' });
export type EnrolmentDto = z.infer<typeof EnrolmentDto>;

/** The live beneficiaries of a programme (for ticking attendance, ending an enrolment). */
export const EnrolmentListDto = z.object({ items: z.array(EnrolmentDto) });
export type EnrolmentListDto = z.infer<typeof EnrolmentListDto>;

export const EnrolmentParams = z.object({ id: z.uuid(), enrolmentId: z.uuid() });
export type EnrolmentParams = z.infer<typeof EnrolmentParams>;

/** Ending an enrolment: the day it ends and why (moved away, passed away, no longer needs it…). */
export const EndEnrolmentInput = z.object({
  endedOn: day.optional(),
  reason: z.string().trim().min(1).max(200),
});
export type EndEnrolmentInput = z.infer<typeof EndEnrolmentInput>;

export const RecordSessionInput = z.object({
  heldOn: day,
  title: z.string().trim().max(100).default(''),
  /** enrolments present; each must belong to the programme */
  attendees: z.array(z.uuid()).max(1000).default([]),
});
export type RecordSessionInput = z.infer<typeof RecordSessionInput>;

export const ProgrammeSessionDto = z
  .object({ id: z.uuid(), programmeId: z.uuid(), heldOn: z.string(), title: z.string(), attended: z.number().int() })
  .meta({ id: 'ProgrammeSession' });
export type ProgrammeSessionDto = z.infer<typeof ProgrammeSessionDto>;

/** What a household receives: one line per live enrolment of its members. */
export const HouseholdProgrammesDto = z.object({
  householdId: z.uuid(),
  items: z.array(
    z.object({
      enrolmentId: z.uuid(),
      programmeId: z.uuid(),
      kind: ProgrammeKind,
      programmeName: z.string(),
      residentName: z.string(),
      enrolledOn: z.string(),
      attended: z.number().int(),
    }),
  ),
});
export type HouseholdProgrammesDto = z.infer<typeof HouseholdProgrammesDto>;

export const UnservedQuery = z.object({ gridId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export type UnservedQuery = z.infer<typeof UnservedQuery>;

/** People who meet a programme's conditions and are not enrolled, for the grid worker to act on. */
export const UnservedDto = z.object({
  programmeId: z.uuid(),
  total: z.number().int(),
  items: z.array(
    z.object({
      residentId: z.uuid(),
      name: z.string(),
      householdId: z.uuid(),
      gridId: z.uuid().nullable(),
      age: z.number().int().nullable(),
      tags: z.array(z.string()),
      /** enrol them here, or turn the need into a service order for them (a grid worker: in their own grid) */
      abilities: z.object({ canEnrol: z.boolean(), canOrder: z.boolean() }),
    }),
  ),
});
export type UnservedDto = z.infer<typeof UnservedDto>;

export const UnservedParams = z.object({ id: z.uuid(), residentId: z.uuid() });
export type UnservedParams = z.infer<typeof UnservedParams>;

/** The need of someone eligible but not served, as a service order placed for them (代办, with their consent). */
export const UnservedOrderInput = CreateOrderInput.pick({ serviceId: true, description: true, fields: true }).extend({
  consent: OrderIntake.options[1].shape.consent,
});
export type UnservedOrderInput = z.infer<typeof UnservedOrderInput>;

/** 社会工作者职业水平: assistant social worker, social worker, senior social worker (or none yet). */
export const SocialWorkerQualification = z.enum(['none', 'assistant', 'intermediate', 'senior']);
export type SocialWorkerQualification = z.infer<typeof SocialWorkerQualification>;
export const SOCIAL_WORKER_QUALIFICATION_LABELS: Record<SocialWorkerQualification, { 'zh-CN': string; en: string }> = {
  none: { 'zh-CN': '暂无资格', en: 'Not yet qualified' },
  assistant: { 'zh-CN': '助理社会工作师', en: 'Assistant social worker' },
  intermediate: { 'zh-CN': '社会工作师', en: 'Social worker' },
  senior: { 'zh-CN': '高级社会工作师', en: 'Senior social worker' },
};

export const CreateSocialWorkerInput = z.object({
  name: z.string().trim().min(1).max(50),
  qualification: SocialWorkerQualification,
  certificateNo: z.string().trim().max(40).nullable().default(null),
});
export type CreateSocialWorkerInput = z.infer<typeof CreateSocialWorkerInput>;

export const SocialWorkerDto = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    name: z.string(),
    qualification: SocialWorkerQualification,
    certificateNo: z.string().nullable(),
  })
  .meta({ id: 'SocialWorker' });
export type SocialWorkerDto = z.infer<typeof SocialWorkerDto>;

/** A social organisation of the street with its social workers and the programmes it runs. */
export const SocialOrgDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    workers: z.array(SocialWorkerDto),
    programmes: z.array(z.object({ id: z.uuid(), name: z.string(), kind: ProgrammeKind, communityId: z.uuid() })),
    abilities: z.object({ canAddWorker: z.boolean() }),
  })
  .meta({ id: 'SocialOrg' });
export type SocialOrgDto = z.infer<typeof SocialOrgDto>;
export const SocialOrgListDto = z.object({ items: z.array(SocialOrgDto) });
export type SocialOrgListDto = z.infer<typeof SocialOrgListDto>;
