import type { Readable } from 'node:stream';
import { z } from 'zod';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook download: a Buffer or a stream, documented as binary. */
export const XlsxBody = z
  .custom<Buffer | Readable>((v) => Buffer.isBuffer(v) || (typeof v === 'object' && v !== null && 'pipe' in v))
  .meta({ type: 'string', format: 'binary', description: 'an .xlsx workbook' });

/** A download name for every browser: an ASCII fallback plus the UTF-8 name. */
export const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
