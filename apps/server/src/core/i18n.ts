import { type FieldIssue, type Locale, pickLocale } from '@linli/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

const maps = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };
const REQUIRED: Record<Locale, string> = { 'zh-CN': '此项为必填', en: 'Required' };

type RawIssue = { code?: string; message?: string; path?: PropertyKey[]; [k: string]: unknown };

const PLAIN: Record<Locale, Record<string, (n: number) => string>> = {
  'zh-CN': {
    'too_small.string': (n) => `至少需要 ${n} 个字`,
    'too_big.string': (n) => `最多 ${n} 个字`,
    'too_small.number': (n) => `不能小于 ${n}`,
    'too_big.number': (n) => `不能大于 ${n}`,
    'too_small.array': (n) => `至少选择 ${n} 项`,
    'too_big.array': (n) => `最多 ${n} 项`,
  },
  en: {
    'too_small.string': (n) => `At least ${n} characters`,
    'too_big.string': (n) => `At most ${n} characters`,
    'too_small.number': (n) => `Must be at least ${n}`,
    'too_big.number': (n) => `Must be at most ${n}`,
    'too_small.array': (n) => `Choose at least ${n}`,
    'too_big.array': (n) => `At most ${n} items`,
  },
};
const FORMAT: Record<Locale, string> = { 'zh-CN': '格式不正确', en: 'Invalid format' };
const CHOICE: Record<Locale, string> = { 'zh-CN': '请从给定的选项中选择', en: 'Choose one of the options' };

/** Plain words for the issues people meet in forms; zod's own locale text ("期望 string >=5 字符") reads like jargon. */
function plainMessage(issue: RawIssue, locale: Locale): string | null {
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    if (issue.code === 'too_small' && issue.origin === 'string' && n === 1) return REQUIRED[locale];
    const fn = PLAIN[locale][`${issue.code}.${String(issue.origin)}`];
    return fn && Number.isFinite(n) ? fn(n) : null;
  }
  if (issue.code === 'invalid_format') return FORMAT[locale];
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union') return CHOICE[locale];
  return null;
}

/** The request's language: the UI's choice (x-linli-locale or the linli_locale cookie), else Accept-Language. */
export function requestLocale(req: FastifyRequest): Locale {
  const explicit = req.headers['x-linli-locale'] ?? req.cookies?.linli_locale;
  if (explicit === 'en' || explicit === 'zh-CN') return explicit;
  return pickLocale(req.headers['accept-language']);
}

/** Turns zod issues into field-level messages in the user's language. */
export function localiseIssues(issues: RawIssue[], locale: Locale, prefix = ''): FieldIssue[] {
  return issues.map((issue) => {
    const path = [prefix, ...(issue.path ?? []).map(String)].filter(Boolean).join('.');
    if (issue.code === 'invalid_type' && /received undefined/.test(issue.message ?? '')) return { path, message: REQUIRED[locale] };
    if (issue.code === 'custom' && issue.message) return { path, message: issue.message };
    const plain = plainMessage(issue, locale);
    if (plain) return { path, message: plain };
    const m = maps[locale](issue as never);
    const message = typeof m === 'string' ? m : (m?.message ?? issue.message ?? 'invalid');
    return { path, message };
  });
}
