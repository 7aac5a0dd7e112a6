import { PassThrough } from 'node:stream';
import { type ExportCell, type SheetSpec, escapeCell } from './xlsx-stream.js';
import { ZipWriter } from './zip-writer.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const BOOK_RELS = `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
const STYLES = `${XML}<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`;

/** A valid sheet name: at most 31 characters, none of : \ / ? * [ ]. */
const sheetNameOf = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** XML text: markup characters escaped, characters XML 1.0 cannot hold dropped. */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot carry
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** A1-style column letters. */
export function columnName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function cellXml(ref: string, v: ExportCell, style: string): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : '';
  const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(v)}</t></is></c>`;
}

/** One `<row>` of cells (formula-like text escaped), as text. */
export function rowXml(n: number, cells: ExportCell[], letters: string[], style = ''): string {
  let out = `<row r="${n}">`;
  for (let i = 0; i < cells.length; i++) out += cellXml((letters[i] ?? columnName(i)) + n, escapeCell(cells[i] ?? null), style);
  return `${out}</row>`;
}

const sheetHead = (widths: number[]) =>
  `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('')}</cols><sheetData>`;

/** Deflate level 1: in bench/export.ts it wrote the same rows about 1.8× faster than level 6 for ~15 % more bytes. */
export const DEFLATE_LEVEL = 1;

/**
 * Streams one sheet as an .xlsx written by hand: inline strings, one bold header row, frozen under the header,
 * through a streaming zip (the same contract as `streamWorkbook`, at a fraction of exceljs's CPU: see BENCHMARKS.md).
 */
export function streamLeanWorkbook(spec: SheetSpec, opts: { level?: number } = {}): PassThrough {
  const out = new PassThrough();
  const run = async () => {
    const zip = new ZipWriter(out, opts.level ?? DEFLATE_LEVEL);
    const letters = spec.headers.map((_, i) => columnName(i));
    await zip.file('[Content_Types].xml', CONTENT_TYPES);
    await zip.file('_rels/.rels', ROOT_RELS);
    const name = xmlText(sheetNameOf(spec.sheetName));
    await zip.file(
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    );
    await zip.file('xl/_rels/workbook.xml.rels', BOOK_RELS);
    await zip.file('xl/styles.xml', STYLES);
    const sheet = await zip.entry('xl/worksheets/sheet1.xml');
    const widths = spec.headers.map((_, i) => spec.widths?.[i] ?? 14);
    await sheet.write(sheetHead(widths) + rowXml(1, spec.headers, letters, ' s="1"'));
    let count = 0;
    // written in pieces under 64 KiB: page-sized strings land in V8's large-object space and pile up until a full GC
    for await (const batch of spec.batches) {
      let text = '';
      for (const cells of batch) {
        text += rowXml(++count + 1, cells, letters);
        if (text.length > 32_768) {
          await sheet.write(text);
          text = '';
        }
      }
      if (text) await sheet.write(text);
    }
    await spec.onRows?.(count);
    await sheet.write('</sheetData></worksheet>');
    await sheet.end();
    await zip.finish();
  };
  run().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
