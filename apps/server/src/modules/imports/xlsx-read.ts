import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { XlsxRejected } from './xlsx-guard.js';

/** A cell as read: text, a number (possibly an Excel date serial), a Date (date-formatted cells) or nothing. */
export type Cell = string | number | boolean | Date | null;
/** One non-empty row; `cells[i]` is column i + 1, `number` the row number Excel shows. */
export type SheetRow = { number: number; cells: Cell[] };

type RawValue = ExcelJS.CellValue | undefined;

/** Flattens exceljs values: rich text, hyperlinks and formulas become their text or result; errors become empty. */
export function cellOf(v: RawValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return null;
  if ('formula' in v || 'sharedFormula' in v) return cellOf((v as { result?: RawValue }).result);
  if ('text' in v) return cellOf(v.text as RawValue);
  return null;
}

const isBlank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

/** UTF-8 decoded across chunk boundaries. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

type ReaderInternals = {
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
  _parseSharedStrings(entry: AsyncIterable<Buffer | string>): unknown;
};

/**
 * exceljs 4.4.0's streaming reader decodes every chunk of XML on its own, so a Chinese character split across
 * two chunks reads as U+FFFD (about one cell in a few hundred). Its sheet and shared-string parsers get text
 * decoded across chunks instead (private API of the pinned version; a test reads back thousands of names).
 */
function decodingReader(file: string, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, options);
  const inner = reader as unknown as ReaderInternals;
  const sheet = inner._parseWorksheet.bind(reader);
  const strings = inner._parseSharedStrings.bind(reader);
  inner._parseWorksheet = (chunks, sheetNo) => sheet(utf8(chunks), sheetNo);
  inner._parseSharedStrings = (entry) => strings(Readable.from(utf8(entry)));
  // It parses a sheet as soon as shared strings and workbook rels are read, even when xl/workbook.xml (the sheet
  // list) comes later in the zip, and then fails on `model.sheets`. Hiding the rels until the workbook is read
  // sends such sheets down its own deferred path (temp file, parsed after the last entry).
  let rels: unknown;
  Object.defineProperty(reader, 'workbookRels', {
    configurable: true,
    get: () => ((reader as unknown as { model?: unknown }).model ? rels : undefined),
    set: (v: unknown) => {
      rels = v;
    },
  });
  return reader;
}

/**
 * The non-empty rows of the workbook's first sheet, streamed with bounded memory.
 * exceljs failures become `corrupt`; more than `maxRows` rows become `tooManyRows`.
 */
export async function* readSheetRows(file: string, maxRows: number): AsyncGenerator<SheetRow> {
  const reader = decodingReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let count = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as RawValue[]).slice(1);
        const cells = Array.from(values, cellOf);
        if (cells.every(isBlank)) continue;
        if (++count > maxRows + 1) throw new XlsxRejected('tooManyRows', String(maxRows));
        yield { number: row.number, cells };
      }
      return;
    }
  } catch (e) {
    throw e instanceof XlsxRejected ? e : new XlsxRejected('corrupt', e instanceof Error ? e.message : String(e));
  }
}
