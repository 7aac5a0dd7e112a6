import { z } from 'zod';
import { PageQuery, paged } from './common.js';

/** 户籍 registered · 流动 floating · 人户分离 registered-but-away · 境外 overseas */
export const ResidentType = z.enum(['registered', 'floating', 'away', 'overseas']);
export type ResidentType = z.infer<typeof ResidentType>;
export const ResidentStatus = z.enum(['active', 'moved_out', 'deceased']);
export type ResidentStatus = z.infer<typeof ResidentStatus>;
/** 自住 owner-occupied · 租住 rented · 其他 other */
export const Tenure = z.enum(['owner', 'rented', 'other']);
export type Tenure = z.infer<typeof Tenure>;
export const HouseholdStatus = z.enum(['active', 'moved_out']);
export type HouseholdStatus = z.infer<typeof HouseholdStatus>;
/** GB/T 2261.1 */
export const SexCode = z.enum(['0', '1', '2', '9']);
export type SexCode = z.infer<typeof SexCode>;

export const AddressDto = z.object({
  communityId: z.uuid(),
  communityName: z.string(),
  compoundId: z.uuid().nullable(),
  compoundName: z.string().nullable(),
  buildingId: z.uuid().nullable(),
  buildingName: z.string().nullable(),
  gridId: z.uuid().nullable(),
  gridName: z.string().nullable(),
  flatId: z.uuid().nullable(),
  unitNo: z.number().int().nullable(),
  flatNo: z.string().nullable(),
  /** e.g. 绿扬新苑东区 1幢 1单元 803 */
  text: z.string(),
});
export type AddressDto = z.infer<typeof AddressDto>;

export const ResidentDto = z
  .object({
    id: z.uuid(),
    householdId: z.uuid(),
    name: z.string(),
    sex: SexCode,
    birthDate: z.string().nullable(),
    age: z.number().int().nullable(),
    /** masked (320102********1234) unless revealed */
    idNumber: z.string().nullable(),
    /** masked (138****5678) unless revealed */
    phone: z.string().nullable(),
    relation: z.string(),
    political: z.string(),
    ethnicity: z.string(),
    residentType: ResidentType,
    status: ResidentStatus,
    tags: z.array(z.string()),
    volunteer: z.boolean(),
    note: z.string().nullable(),
    abilities: z.object({ canEdit: z.boolean(), canReveal: z.boolean(), canRevealPhone: z.boolean() }),
  })
  .meta({ id: 'Resident' });
export type ResidentDto = z.infer<typeof ResidentDto>;

export const HouseholdDto = z
  .object({
    id: z.uuid(),
    address: AddressDto,
    tenure: Tenure,
    status: HouseholdStatus,
    tags: z.array(z.string()),
    headName: z.string().nullable(),
    memberCount: z.number().int(),
    members: z.array(ResidentDto),
    lastVisitOn: z.string().nullable(),
    nextVisitDue: z.string().nullable(),
    abilities: z.object({ canEdit: z.boolean(), canMove: z.boolean(), canVisit: z.boolean() }),
  })
  .meta({ id: 'Household' });
export type HouseholdDto = z.infer<typeof HouseholdDto>;

export const HouseholdListItem = HouseholdDto.pick({
  id: true,
  address: true,
  tenure: true,
  status: true,
  tags: true,
  headName: true,
  memberCount: true,
});
export type HouseholdListItem = z.infer<typeof HouseholdListItem>;

export const ResidentSearchItem = ResidentDto.extend({ address: AddressDto }).meta({ id: 'ResidentSearchItem' });
export type ResidentSearchItem = z.infer<typeof ResidentSearchItem>;

/** `totalCapped`: counting stopped at `total` (1,000) — more residents match (shown as "1000+"; narrow the search). */
export const ResidentSearchPage = paged(ResidentSearchItem).extend({ totalCapped: z.boolean() });
export type ResidentSearchPage = z.infer<typeof ResidentSearchPage>;

const csv = z
  .string()
  .trim()
  .transform((s) =>
    s
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  );

/** Longest search text, longest address text and highest age the resident and household searches take. */
export const RESIDENT_SEARCH_LIMITS = { q: 40, address: 60, age: 130 } as const;

/** Search: q matches name, pinyin initials (zs → 张三), phone tail, ID tail or a full ID number (exact, by keyed hash). */
export const ResidentSearchQuery = PageQuery.extend({
  q: z.string().trim().max(RESIDENT_SEARCH_LIMITS.q).optional(),
  /** building-unit-flat like "12-1-803", or any part of the address text */
  address: z.string().trim().max(RESIDENT_SEARCH_LIMITS.address).optional(),
  tags: csv.optional(),
  residentType: ResidentType.optional(),
  status: ResidentStatus.default('active'),
  areaId: z.uuid().optional(),
  ageMin: z.coerce.number().int().min(0).max(RESIDENT_SEARCH_LIMITS.age).optional(),
  ageMax: z.coerce.number().int().min(0).max(RESIDENT_SEARCH_LIMITS.age).optional(),
  political: z.string().max(2).optional(),
});
export type ResidentSearchQuery = z.infer<typeof ResidentSearchQuery>;

export const HouseholdListQuery = PageQuery.extend({
  areaId: z.uuid().optional(),
  tags: csv.optional(),
  tenure: Tenure.optional(),
  status: HouseholdStatus.default('active'),
  address: z.string().trim().max(RESIDENT_SEARCH_LIMITS.address).optional(),
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuery>;

export const ResidentInput = z.object({
  name: z.string().trim().min(1).max(40),
  idNumber: z.string().trim().max(20).optional(),
  sex: SexCode.optional(),
  birthDate: z.iso.date().optional(),
  relation: z.string().regex(/^\d{2}$/),
  political: z
    .string()
    .regex(/^\d{2}$/)
    .default('13'),
  ethnicity: z
    .string()
    .regex(/^\d{2}$/)
    .default('01'),
  residentType: ResidentType.default('registered'),
  phone: z.string().trim().max(20).optional(),
  tags: z.array(z.string().max(40)).max(20).default([]),
  volunteer: z.boolean().default(false),
  note: z.string().trim().max(500).optional(),
});
export type ResidentInput = z.infer<typeof ResidentInput>;

export const UpdateResidentInput = ResidentInput.partial();
export type UpdateResidentInput = z.infer<typeof UpdateResidentInput>;

export const CreateHouseholdInput = z.object({
  flatId: z.uuid(),
  tenure: Tenure.default('owner'),
  tags: z.array(z.string().max(40)).max(20).default([]),
  movedInOn: z.iso.date().optional(),
  members: z.array(ResidentInput).min(1).max(30),
});
export type CreateHouseholdInput = z.infer<typeof CreateHouseholdInput>;

export const UpdateHouseholdInput = z.object({ tenure: Tenure.optional(), tags: z.array(z.string().max(40)).max(20).optional() });
export type UpdateHouseholdInput = z.infer<typeof UpdateHouseholdInput>;

/** 迁入: a person joins an existing household. */
export const MoveInInput = ResidentInput.extend({ movedInOn: z.iso.date().optional() });
export type MoveInInput = z.infer<typeof MoveInInput>;
/** 迁出: a person or a whole household leaves. */
export const MoveOutInput = z.object({ date: z.iso.date(), reason: z.string().trim().max(200).optional() });
export type MoveOutInput = z.infer<typeof MoveOutInput>;
/** 转移: a household moves to another flat. */
export const TransferHouseholdInput = z.object({ flatId: z.uuid(), date: z.iso.date() });
export type TransferHouseholdInput = z.infer<typeof TransferHouseholdInput>;
/** 死亡登记 */
export const RecordDeathInput = z.object({ date: z.iso.date(), note: z.string().trim().max(200).optional() });
export type RecordDeathInput = z.infer<typeof RecordDeathInput>;

export const RevealField = z.enum(['idNumber', 'phone']);
export const RevealInput = z.object({ fields: z.array(RevealField).min(1), reason: z.string().trim().min(4).max(200) });
export type RevealInput = z.infer<typeof RevealInput>;
export const RevealDto = z.object({ idNumber: z.string().nullable().optional(), phone: z.string().nullable().optional() });
export type RevealDto = z.infer<typeof RevealDto>;

export const FieldChange = z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() });
export const HistoryEntryDto = z
  .object({
    id: z.string(),
    at: z.string(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.enum(['household', 'resident']),
    entityId: z.uuid(),
    changes: z.array(FieldChange),
  })
  .meta({ id: 'RegistryHistoryEntry' });
export type HistoryEntryDto = z.infer<typeof HistoryEntryDto>;

export const HistoryListDto = z.object({ items: z.array(HistoryEntryDto) });
export type HistoryListDto = z.infer<typeof HistoryListDto>;

/** What a history entry records (entityType says whether of a household or a person). */
export const HistoryAction = z.enum(['create', 'move_in', 'update', 'move_out', 'transfer', 'death']);
export type HistoryAction = z.infer<typeof HistoryAction>;
export const HISTORY_ACTION_LABELS: Record<HistoryAction, { 'zh-CN': string; en: string }> = {
  create: { 'zh-CN': '建档', en: 'Registered' },
  move_in: { 'zh-CN': '迁入', en: 'Moved in' },
  update: { 'zh-CN': '修改', en: 'Edited' },
  move_out: { 'zh-CN': '迁出', en: 'Moved out' },
  transfer: { 'zh-CN': '转移住址', en: 'Moved to another flat' },
  death: { 'zh-CN': '死亡登记', en: 'Death recorded' },
};

/** The only status moves of a resident and of a household; edits are for active ones only. */
export const RESIDENT_TRANSITIONS: Record<ResidentStatus, readonly ResidentStatus[]> = {
  active: ['moved_out', 'deceased'],
  moved_out: [],
  deceased: [],
};
export const HOUSEHOLD_TRANSITIONS: Record<HouseholdStatus, readonly HouseholdStatus[]> = { active: ['moved_out'], moved_out: [] };
