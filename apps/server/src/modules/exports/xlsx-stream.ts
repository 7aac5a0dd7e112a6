import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { lazyRequire } from '../../core/lazy-require.js';

const excel = lazyRequire<typeof ExcelJS>('exceljs');

export type ExportCell = string | number | null;

/** Text a spreadsheet would run as a formula (= + - @, or a leading tab or CR) gets an apostrophe in front. */
export function escapeCell(v: ExportCell): ExportCell {
  if (typeof v !== 'string') return v;
  const c = v.charCodeAt(0);
  // = + - @ tab CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${v}` : v;
}

type WithZipStream = { stream?: { pipes?: ZipEntryStream[] } };
/** archiver wraps the entry in a readable-stream 2.x PassThrough, which predates `writableNeedDrain`. */
export type ZipEntryStream = Writable & { _writableState?: { needDrain?: boolean } };

export const needsDrain = (s: ZipEntryStream): boolean => Boolean(s.writableNeedDrain ?? s._writableState?.needDrain);

/**
 * The worksheet's zip entry stream. exceljs 4.4.0's streaming writer ignores backpressure; awaiting 'drain' on
 * this private stream keeps memory bounded (STACK-NOTES). exceljs is pinned; a test checks the stream is there.
 */
export function zipEntryStreams(ws: ExcelJS.Worksheet): ZipEntryStream[] {
  return (ws as unknown as WithZipStream).stream?.pipes ?? [];
}

async function drained(ws: ExcelJS.Worksheet, signal: AbortSignal): Promise<void> {
  const waiting = zipEntryStreams(ws).filter(needsDrain);
  await Promise.all(waiting.map((p) => once(p, 'drain', { signal })));
}

export type SheetSpec = {
  sheetName: string;
  headers: string[];
  widths?: number[];
  /** batches of rows in display form (a batch may make its rows as they are taken) */
  batches: AsyncIterable<Iterable<ExportCell[]>>;
  /** runs after the last row and before the file is closed (the audit row); answers nothing */
  onRows?: (count: number) => Promise<void>;
};

const DRAIN_EVERY = 1000;

/**
 * Streams one sheet as an .xlsx: rows are committed as they come and the writer waits for the zip stream every
 * 1,000 rows. Errors (and a client that goes away) destroy the returned stream.
 */
export function streamWorkbook(spec: SheetSpec): PassThrough {
  const out = new PassThrough();
  const abort = new AbortController();
  out.on('close', () => abort.abort());
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.headers.map((header, i) => ({ header, width: spec.widths?.[i] ?? 14 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const run = async () => {
    let count = 0;
    for await (const batch of spec.batches) {
      for (const cells of batch) {
        ws.addRow(cells.map(escapeCell)).commit();
        if (++count % DRAIN_EVERY === 0) await drained(ws, abort.signal);
      }
    }
    await spec.onRows?.(count);
    ws.commit();
    await wb.commit();
  };
  run().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
