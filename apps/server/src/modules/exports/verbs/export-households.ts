import type { HouseholdListQuery } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { householdFilterFor } from '../../registry/filters.js';
import { type ExportFile, exportFileName, workbookEnv } from '../export-file.js';
import { EXPORT_ABILITY } from '../policy.js';
import { householdsWorkbook } from '../workbooks.js';

/** GET /api/exports/households.xlsx: the household list for the same filters, streamed and audited. */
export async function exportHouseholds({ ctx, input }: VerbArgs<HouseholdListQuery>): Promise<ExportFile> {
  requireAbility(ctx.actor, EXPORT_ABILITY);
  const stream = householdsWorkbook(workbookEnv(ctx, 'households', input), await householdFilterFor(ctx, input));
  return { fileName: exportFileName('households'), stream };
}
