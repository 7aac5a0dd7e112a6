import type { FiguresQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { figuresWorkbook } from '../workbook.js';
import { getFigures } from './get-figures.js';

export type FiguresExport = { workbook: Buffer; from: string; to: string };

/** The same figures as getFigures, as an Excel workbook in the user's language. */
export async function exportFigures({ ctx, input }: VerbArgs<FiguresQuery>): Promise<FiguresExport> {
  const dto = await getFigures({ ctx, input });
  return { workbook: await figuresWorkbook(dto, ctx.locale), from: dto.from, to: dto.to };
}
