import type { Locale } from '@linli/contracts';

type Text = Record<Locale, string>;

/** Messages the care-tags module writes itself, in both UI languages. */
export const CARE_TAG_MESSAGES = {
  communityRequired: () => ({ 'zh-CN': '请选择社区', en: 'Choose a community' }),
  labelRequired: () => ({ 'zh-CN': '新的关爱标签须填写中文名称', en: 'A new care tag needs a Chinese label' }),
} satisfies Record<string, (...args: never[]) => Text>;
