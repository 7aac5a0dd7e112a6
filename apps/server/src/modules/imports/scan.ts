import type { ImportColumn } from '@linli/contracts';
import { detectHeader } from './register.js';
import { type XlsxLimits, XlsxRejected, inspectXlsx } from './xlsx-guard.js';
import { type SheetRow, readSheetRows } from './xlsx-read.js';

type Scan = { headerRow: number; columns: ImportColumn[]; rowCount: number };
const TOP = 10;

/** The zip checks, then the header among the first rows; reads the whole sheet (counting its rows) or stops past the top. */
async function scan(file: string, limits: XlsxLimits, whole: boolean): Promise<Scan> {
  await inspectXlsx(file, limits);
  const top: SheetRow[] = [];
  let count = 0;
  for await (const row of readSheetRows(file, limits.maxRows)) {
    if (top.length < TOP) top.push(row);
    if (++count > TOP && !whole) break;
  }
  const { headerRow, columns } = detectHeader(top);
  const above = top.filter((r) => r.number <= headerRow).length;
  const rowCount = count - above;
  if (columns.length === 0 || rowCount <= 0) throw new XlsxRejected('empty');
  return { headerRow, columns, rowCount };
}

/** Checks an uploaded file (zip structure, then a full streaming read) and finds its header row, columns and data rows; refuses an empty sheet. */
export const scanUpload = (file: string, limits: XlsxLimits): Promise<Scan> => scan(file, limits, true);

/**
 * The same checks and header for a caller that reads the whole sheet right after (the CLI's import, whose read
 * refuses a damaged or too long sheet): reads only the first rows, so the file is not read twice.
 */
export async function scanHeader(file: string, limits: XlsxLimits): Promise<Omit<Scan, 'rowCount'>> {
  const { headerRow, columns } = await scan(file, limits, false);
  return { headerRow, columns };
}
