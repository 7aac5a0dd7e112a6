import { type FieldIssue, type Locale, pickLocale } from '@linli/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

const maps = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };
const REQUIRED: Record<Locale, string> = { 'zh-CN': '此项为必填', en: 'Required' };

type RawIssue = { code?: string; message?: string; path?: PropertyKey[]; [k: string]: unknown };

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
    const m = maps[locale](issue as never);
    const message = typeof m === 'string' ? m : (m?.message ?? issue.message ?? 'invalid');
    return { path, message };
  });
}
