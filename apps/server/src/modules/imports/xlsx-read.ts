import { posix } from 'node:path';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { lazyRequire } from '../../core/lazy-require.js';
import { XlsxRejected } from './xlsx-guard.js';
import { type SheetContext, isDateFmt, sheetRows } from './sheet-xml.js';
import { type ZipEntries, openZipEntries } from './zip-entries.js';

const excel = lazyRequire<typeof ExcelJS>('exceljs');

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

type Rel = { Id: string; Target: string };
type ReaderInternals = {
  workbookRels?: Rel[];
  model?: { sheets?: { rId: string }[] };
  sharedStrings?: unknown[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
};

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The zip path of the workbook's first sheet (tab order), else the first sheet part in the zip; a named part missing is `corrupt`. */
function firstSheetPath(reader: ReaderInternals, zip: ZipEntries): string | undefined {
  const rId = reader.model?.sheets?.[0]?.rId;
  const target = reader.workbookRels?.find((r) => r.Id === rId)?.Target;
  const part = target && posix.normalize(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  if (part && !zip.has(part)) throw new XlsxRejected('corrupt', `no ${part}`);
  return part && SHEET.test(part) ? part : zip.names.find((n) => SHEET.test(n));
}

/**
 * The first sheet, fed by random access: the workbook, its rels, shared strings and styles are parsed first by
 * exceljs, whatever order the zip holds them in (exceljs's own streaming reader defers sheets that come before
 * xl/sharedStrings.xml to temp files, and once read a register's header as if its shared strings were empty).
 * exceljs 4.4.0 decodes each XML chunk on its own, so a Chinese character split across chunks reads as U+FFFD:
 * its parsers get text decoded across chunks (private API, pinned version). The sheet itself, the bulk of the
 * file, is read by sheet-xml.ts (several times faster than exceljs's general SAX path; bench/import.ts).
 */
async function firstSheet(file: string, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) {
  const zip = await openZipEntries(file);
  const book = new (excel().stream.xlsx.WorkbookReader)(file, options);
  const reader = book as unknown as ReaderInternals;
  if (zip.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(await zip.open('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(await zip.open('xl/workbook.xml'));
  if (zip.has('xl/sharedStrings.xml'))
    for await (const _ of reader._parseSharedStrings(Readable.from(utf8(await zip.open('xl/sharedStrings.xml')))));
  if (zip.has('xl/styles.xml')) await reader._parseStyles(await zip.open('xl/styles.xml'));
  const path = firstSheetPath(reader, zip);
  if (!path) return null;
  const dateStyles = new Map<number, boolean>();
  const ctx: SheetContext = {
    sharedStrings: reader.sharedStrings ?? [],
    date1904: Boolean(reader.properties?.model?.date1904),
    isDateStyle: (s) => {
      let known = dateStyles.get(s);
      if (known === undefined) dateStyles.set(s, (known = isDateFmt(reader.styles.getStyleModel(s)?.numFmt)));
      return known;
    },
  };
  const source = await zip.open(path);
  return { rows: sheetRows(utf8(source), ctx), source };
}

/**
 * The non-empty rows of the workbook's first sheet, streamed with bounded memory.
 * exceljs failures become `corrupt`; more than `maxRows` rows become `tooManyRows`.
 */
export async function* readSheetRows(file: string, maxRows: number): AsyncGenerator<SheetRow> {
  let count = 0;
  let opened: Awaited<ReturnType<typeof firstSheet>> = null;
  try {
    opened = await firstSheet(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
    if (!opened) return;
    for await (const row of opened.rows) {
      const cells = Array.from(row.values as RawValue[], cellOf);
      if (cells.every(isBlank)) continue;
      if (++count > maxRows + 1) throw new XlsxRejected('tooManyRows', String(maxRows));
      yield { number: row.number, cells };
    }
  } catch (e) {
    throw e instanceof XlsxRejected ? e : new XlsxRejected('corrupt', e instanceof Error ? e.message : String(e));
  } finally {
    opened?.source.destroy();
  }
}
