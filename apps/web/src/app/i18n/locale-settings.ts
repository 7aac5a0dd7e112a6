import type { Locale } from '@linli/contracts';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';

/** What follows the UI language besides the dictionaries: the language the switch offers, antd's and dayjs's locales. */
export const LOCALE_SETTINGS = {
  'zh-CN': { other: 'en', antd: zhCN, dayjs: 'zh-cn' },
  en: { other: 'zh-CN', antd: enUS, dayjs: 'en' },
} as const satisfies Record<Locale, { other: Locale; antd: object; dayjs: string }>;
