import type { Locale } from '@linli/contracts';

/**
 * The first-visit language from the browser's preferences (navigator.languages, best first): the first
 * Chinese or English entry decides; anything else, or nothing, falls back to Chinese.
 */
export function browserLocale(languages: readonly string[] | undefined): Locale {
  for (const tag of languages ?? []) {
    const lang = tag.toLowerCase().split('-')[0];
    if (lang === 'zh') return 'zh-CN';
    if (lang === 'en') return 'en';
  }
  return 'zh-CN';
}
