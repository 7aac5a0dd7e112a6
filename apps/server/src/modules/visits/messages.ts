import type { Locale } from '@linli/contracts';

/** Messages the visits module writes itself, in both UI languages. */
export const VISIT_MESSAGES = {
  future: { 'zh-CN': '走访日期不能晚于今天', en: 'The visit date cannot be in the future' },
  movedOut: { 'zh-CN': '该户已迁出，不能再登记走访', en: 'This household has moved out; visits can no longer be recorded' },
} satisfies Record<string, Record<Locale, string>>;
