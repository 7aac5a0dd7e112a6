import { ERROR_MESSAGES, type FieldIssue, type Locale, type Text, text } from '@linli/contracts';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';
import { requestLocale } from './i18n.js';

export const TEXT_GUARD_MESSAGES = {
  rejectedCharacter: () =>
    text(
      '含有不允许的字符（空字符 U+0000 或不成对的代理字符）',
      'Contains a character that is not allowed (NUL U+0000 or an unpaired surrogate)',
    ),
} satisfies Record<string, (...args: never[]) => Text>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** PostgreSQL refuses U+0000 in text, and a lone surrogate is not Unicode (it would be stored as U+FFFD). */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/** The path of the first string (or object key) in `value` that PostgreSQL cannot store as text, or null. */
export function findUnstorableText(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (!value || typeof value !== 'object' || depth > 64 || Buffer.isBuffer(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    if (!isStorableText(key)) return [...path, key.split('\u0000').join('\\u0000')];
    const found = findUnstorableText(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** 400 VALIDATION naming the field, in the request's language. */
export function unstorableTextError(path: string[], locale: Locale): AppError {
  const issue: FieldIssue = { path: path.join('.'), message: TEXT_GUARD_MESSAGES.rejectedCharacter()[locale] };
  return new AppError('VALIDATION', ERROR_MESSAGES.VALIDATION[locale], { issues: [issue] });
}

/**
 * Refuses, before validation and before any handler runs, a JSON body, query string or path parameter holding a
 * NUL or a lone surrogate: 400 with the field named (body fields bare, others prefixed like zod issues).
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const parts: [string, unknown][] = [
      ['params', req.params],
      ['querystring', req.query],
      ['', req.body],
    ];
    for (const [prefix, value] of parts) {
      const found = findUnstorableText(value);
      if (found) throw unstorableTextError(prefix ? [prefix, ...found] : found, requestLocale(req));
    }
  });
}
