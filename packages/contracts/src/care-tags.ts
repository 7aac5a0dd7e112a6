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
