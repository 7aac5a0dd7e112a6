import { type ResidentSearchQuery, localDate } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { residentFilterFor } from '../../registry/filters.js';
import { type ExportFile, exportFileName, workbookEnv } from '../export-file.js';
import { EXPORT_ABILITY } from '../policy.js';
import { residentsWorkbook } from '../workbooks.js';

/**
 * GET /api/exports/residents.xlsx: the residents the list shows for the same filters, every page, streamed;
 * ID numbers and phones masked; audited with the filter and the row count.
 */
export async function exportResidents({ ctx, input }: VerbArgs<ResidentSearchQuery>): Promise<ExportFile> {
  requireAbility(ctx.actor, EXPORT_ABILITY);
  const filter = await residentFilterFor(ctx, input, localDate());
  const stream = residentsWorkbook({ ...workbookEnv(ctx, 'residents', input), pii: ctx.pii }, filter);
  return { fileName: exportFileName('residents'), stream };
}
