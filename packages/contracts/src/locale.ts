import { z } from 'zod';

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Picks our locale from an Accept-Language header or a stored preference; Chinese by default. */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
