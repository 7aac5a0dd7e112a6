import type { Locale } from '@linli/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { safeFileName, tooLarge } from '../imports/upload.js';
import { ATTACHMENT_MESSAGES } from './messages.js';

export type ReceivedFile = { name: string; data: Buffer };

export const fileIssue = (message: string) => new AppError('VALIDATION', message, { issues: [{ path: 'file', message }] });

/** Reads the multipart body's `file` part into memory (it is at most `limit` bytes); a larger one answers 413. */
export async function receiveImage(req: FastifyRequest, limit: number, locale: Locale): Promise<ReceivedFile> {
  if (Number(req.headers['content-length'] ?? 0) > limit + 65_536) throw tooLarge(limit, locale);
  if (!req.isMultipart()) throw fileIssue(ATTACHMENT_MESSAGES.noFile()[locale]);
  let file: ReceivedFile | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') continue;
      if (file || part.fieldname !== 'file') {
        part.file.resume();
        continue;
      }
      file = { name: safeFileName(part.filename || 'image'), data: await part.toBuffer() };
    }
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 413 && !(e instanceof AppError)) throw tooLarge(limit, locale);
    throw e;
  }
  if (!file || file.data.length === 0) throw fileIssue(ATTACHMENT_MESSAGES.noFile()[locale]);
  return file;
}
