import type { ImportColumn } from '@linli/contracts';
import { detectHeader } from './register.js';
import { type XlsxLimits, XlsxRejected, inspectXlsx } from './xlsx-guard.js';
import { type SheetRow, readSheetRows } from './xlsx-read.js';

/** Checks an uploaded file (zip structure, then a full streaming read) and finds its header row, columns and data rows; refuses an empty sheet. */
export async function scanUpload(
  file: string,
  limits: XlsxLimits,
): Promise<{ headerRow: number; columns: ImportColumn[]; rowCount: number }> {
  await inspectXlsx(file, limits);
  const top: SheetRow[] = [];
  let count = 0;
  for await (const row of readSheetRows(file, limits.maxRows)) {
    if (top.length < 10) top.push(row);
    count++;
  }
  const { headerRow, columns } = detectHeader(top);
  const above = top.filter((r) => r.number <= headerRow).length;
  const rowCount = count - above;
  if (columns.length === 0 || rowCount <= 0) throw new XlsxRejected('empty');
  return { headerRow, columns, rowCount };
}
