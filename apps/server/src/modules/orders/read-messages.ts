import type { Locale } from '@linli/contracts';

/** Messages the order read endpoints write themselves, in both UI languages. */
export const ORDER_READ_MESSAGES = {
  whereRequired: { 'zh-CN': '请选择住户或楼栋', en: 'Choose a household or a building' },
} satisfies Record<string, Record<Locale, string>>;
