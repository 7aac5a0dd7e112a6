import { z } from 'zod';

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Picks our locale from an Accept-Language header or a stored preference; Chinese by default. */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** A text in both UI languages; modules keep theirs in messages.ts and read `MESSAGES.key(…)[locale]`. */
export type Text = Record<Locale, string>;

/** The one way to write a bilingual text: `text('请选择社区', 'Choose a community')`. */
export const text = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });
