import type { PassThrough } from 'node:stream';
import { localDate } from '@linli/contracts';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { EXPORT_MESSAGES } from './messages.js';
import { exportAuditScope } from './policy.js';
import type { WorkbookEnv } from './workbooks.js';

/** A streamed download: the ASCII fallback name, the Chinese name, and the bytes. */
export type ExportFile = { fileName: { ascii: string; local: string }; stream: PassThrough };

export type ExportKind = 'residents' | 'households';

/** The file names of an export made today. */
export function exportFileName(kind: ExportKind): ExportFile['fileName'] {
  const stamp = localDate().replaceAll('-', '');
  const name = kind === 'residents' ? EXPORT_MESSAGES.residentsFile(stamp) : EXPORT_MESSAGES.householdsFile(stamp);
  return { ascii: name.en, local: name['zh-CN'] };
}

/** The filter as audited: what was asked, without paging. */
const filterOf = ({ page: _p, pageSize: _s, ...rest }: { page: number; pageSize: number } & Record<string, unknown>) => rest;

/** What a workbook needs of the request: the database, who exports in which language, and the audit row written once the rows are counted. */
export function workbookEnv(
  ctx: AuthedCtx,
  kind: ExportKind,
  input: { page: number; pageSize: number } & Record<string, unknown>,
): WorkbookEnv {
  const onRows = (rows: number) =>
    writeAudit(ctx, {
      action: 'registry.export',
      entityType: kind,
      ...exportAuditScope(ctx.actor),
      details: { filter: filterOf(input), rows },
    });
  return { db: ctx.db, actor: ctx.actor, locale: ctx.locale, onRows };
}
