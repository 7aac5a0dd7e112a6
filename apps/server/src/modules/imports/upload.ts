import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Locale } from '@linli/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { FILE_MESSAGES } from './messages.js';
import type { XlsxLimits, XlsxRejected } from './xlsx-guard.js';

/** A received file, written under the uploads directory, with the form's text fields. */
export type Upload = { path: string; fileName: string; size: number; sha256: string; fields: Record<string, string> };

export const tooLarge = (limit: number, locale: Locale) =>
  new AppError('PAYLOAD_TOO_LARGE', FILE_MESSAGES.tooLarge(Math.round(limit / 1048576))[locale], { limitBytes: limit });

/** A refused file as a 400 in the user's language. */
export function rejection(e: XlsxRejected, limits: XlsxLimits, locale: Locale): AppError {
  const text = e.reason === 'tooManyRows' ? FILE_MESSAGES.tooManyRows(limits.maxRows) : FILE_MESSAGES[e.reason]();
  return new AppError('VALIDATION', text[locale], { reason: e.reason, issues: [{ path: 'file', message: text[locale] }] });
}

const noFile = (locale: Locale) => {
  const message = FILE_MESSAGES.noFile()[locale];
  return new AppError('VALIDATION', message, { issues: [{ path: 'file', message }] });
};

/** The base name a user gave, without directories or control characters, at most 200 characters. */
export function safeFileName(name: string | undefined): string {
  const base = path.basename((name ?? '').replace(/\\/g, '/')).replace(/[\p{Cc}]/gu, '');
  return base.slice(-200) || 'upload.xlsx';
}

/**
 * Streams the multipart body's one file to `<dir>/<uuid>.xlsx` (mode 0600: registers hold ID numbers and phones),
 * hashing it on the way; a file over `limit` is removed and answers 413. Fields may come before or after the file.
 */
export async function receiveUpload(req: FastifyRequest, dir: string, limit: number, locale: Locale): Promise<Upload> {
  if (Number(req.headers['content-length'] ?? 0) > limit + 65_536) throw tooLarge(limit, locale);
  if (!req.isMultipart()) throw noFile(locale);
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  const fields: Record<string, string> = {};
  let file: Omit<Upload, 'fields'> | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (file) {
        part.file.resume();
        continue;
      }
      const target = path.join(dir, `${randomUUID()}.xlsx`);
      const hash = createHash('sha256');
      let size = 0;
      file = { path: target, fileName: safeFileName(part.filename), size: 0, sha256: '' };
      const tap = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(part.file, tap, fs.createWriteStream(target, { mode: 0o600, flags: 'wx' }));
      if (part.file.truncated) throw tooLarge(limit, locale);
      Object.assign(file, { size, sha256: hash.digest('hex') });
    }
  } catch (e) {
    if (file) await fs.promises.rm(file.path, { force: true });
    const status = (e as { statusCode?: number }).statusCode;
    throw status === 413 && !(e instanceof AppError) ? tooLarge(limit, locale) : e;
  }
  if (!file) throw noFile(locale);
  return { ...file, fields };
}
