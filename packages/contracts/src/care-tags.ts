import { z } from 'zod';

/** Care tags (关爱标签) on a resident or a household; the defaults, before a community configures its own. */
export const CareTag = z.enum([
  'elderly_alone',
  'empty_nest',
  'disabled',
  'low_income',
  'extremely_poor',
  'entitled',
  'single_parent',
  'left_behind_child',
  'serious_illness',
  'key_care',
]);
export type CareTag = z.infer<typeof CareTag>;

export const CARE_TAG_LABELS: Record<CareTag, { 'zh-CN': string; en: string }> = {
  elderly_alone: { 'zh-CN': '独居老人', en: 'Elderly living alone' },
  empty_nest: { 'zh-CN': '空巢老人', en: 'Empty-nest elderly' },
  disabled: { 'zh-CN': '残疾人', en: 'Disabled' },
  low_income: { 'zh-CN': '低保', en: 'Low-income (dibao)' },
  extremely_poor: { 'zh-CN': '特困', en: 'Extremely poor' },
  entitled: { 'zh-CN': '优抚对象', en: 'Entitled group' },
  single_parent: { 'zh-CN': '单亲家庭', en: 'Single-parent family' },
  left_behind_child: { 'zh-CN': '留守儿童', en: 'Left-behind child' },
  serious_illness: { 'zh-CN': '大病', en: 'Serious illness' },
  key_care: { 'zh-CN': '重点关注', en: 'Key care' },
};

/** Default visit (走访) frequency in days for a household carrying the tag; the shortest one applies. */
export const CARE_TAG_VISIT_DAYS: Record<CareTag, number> = {
  elderly_alone: 7,
  empty_nest: 14,
  disabled: 30,
  low_income: 30,
  extremely_poor: 7,
  entitled: 90,
  single_parent: 30,
  left_behind_child: 14,
  serious_illness: 14,
  key_care: 7,
};

/** Whether a tag labels a person, a household or either. */
export const CareTagAppliesTo = z.enum(['person', 'household', 'both']);
export type CareTagAppliesTo = z.infer<typeof CareTagAppliesTo>;

export const CARE_TAG_APPLIES_TO: Record<CareTag, CareTagAppliesTo> = {
  elderly_alone: 'both',
  empty_nest: 'both',
  disabled: 'person',
  low_income: 'household',
  extremely_poor: 'household',
  entitled: 'person',
  single_parent: 'household',
  left_behind_child: 'person',
  serious_illness: 'person',
  key_care: 'both',
};

/** Default colours (building map, tag chips); communities may change them. */
export const CARE_TAG_COLORS: Record<CareTag, string> = {
  elderly_alone: '#f5222d',
  empty_nest: '#fa8c16',
  disabled: '#722ed1',
  low_income: '#faad14',
  extremely_poor: '#a8071a',
  entitled: '#2f54eb',
  single_parent: '#eb2f96',
  left_behind_child: '#13c2c2',
  serious_illness: '#d4380d',
  key_care: '#cf1322',
};

/** A tag code: one of CareTag, or a community's own (lower case, digits, underscores). */
export const CareTagCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

export const CareTagDto = z
  .object({
    code: z.string(),
    labelZh: z.string(),
    labelEn: z.string(),
    color: z.string(),
    appliesTo: CareTagAppliesTo,
    /** visit (走访) every n days while a household carries the tag; null: no visit schedule */
    visitEveryDays: z.number().int().nullable(),
    builtIn: z.boolean(),
    active: z.boolean(),
  })
  .meta({ id: 'CareTag' });
export type CareTagDto = z.infer<typeof CareTagDto>;

export const CareTagListDto = z.object({
  /** the community whose settings were merged in; null: the defaults */
  communityId: z.uuid().nullable(),
  items: z.array(CareTagDto),
  canEdit: z.boolean(),
});
export type CareTagListDto = z.infer<typeof CareTagListDto>;

export const CareTagQuery = z.object({ communityId: z.uuid().optional() });
export type CareTagQuery = z.infer<typeof CareTagQuery>;
export const CareTagParams = z.object({ code: CareTagCode });
export type CareTagParams = z.infer<typeof CareTagParams>;

/** A community's setting for one tag; omitted fields keep their current value (a new custom tag needs labelZh). */
export const CareTagInput = z.object({
  labelZh: z.string().trim().min(1).max(20).optional(),
  labelEn: z.string().trim().min(1).max(40).optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  appliesTo: CareTagAppliesTo.optional(),
  visitEveryDays: z.number().int().min(1).max(366).nullable().optional(),
  active: z.boolean().optional(),
});
export type CareTagInput = z.infer<typeof CareTagInput>;

/** A built-in tag as it stands before a community changes it. */
export function defaultCareTag(code: CareTag): CareTagDto {
  return {
    code,
    labelZh: CARE_TAG_LABELS[code]['zh-CN'],
    labelEn: CARE_TAG_LABELS[code].en,
    color: CARE_TAG_COLORS[code],
    appliesTo: CARE_TAG_APPLIES_TO[code],
    visitEveryDays: CARE_TAG_VISIT_DAYS[code],
    builtIn: true,
    active: true,
  };
}

/** Every built-in tag in contract order, as a community without settings sees them. */
export const defaultCareTags = (): CareTagDto[] => CareTag.options.map(defaultCareTag);
