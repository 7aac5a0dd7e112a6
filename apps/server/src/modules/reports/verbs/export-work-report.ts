import type { WorkReportQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { workReportWorkbook } from '../workbook.js';
import { getWorkReport } from './get-work-report.js';

export type WorkReportExport = { workbook: Buffer; code: string; name: string; from: string; to: string };

/** The same report as getWorkReport, as an Excel workbook in the user's language. */
export async function exportWorkReport({ ctx, input }: VerbArgs<WorkReportQuery>): Promise<WorkReportExport> {
  const dto = await getWorkReport({ ctx, input });
  return { workbook: await workReportWorkbook(dto, ctx.locale), code: dto.area.code, name: dto.area.name, from: dto.from, to: dto.to };
}
