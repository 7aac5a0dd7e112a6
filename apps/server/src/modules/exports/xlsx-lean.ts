import { PassThrough } from 'node:stream';
import { rowWriter, xmlText } from './sheet-rows.js';
import type { SheetSpec } from './xlsx-stream.js';
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

const sheetHead = (widths: number[]) =>
  `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('')}</cols><sheetData>`;

/** Deflate level 1: see BENCHMARKS.md (export) for level 1 against 6 on the same rows. */
export const DEFLATE_LEVEL = 1;

/** Bytes buffered on the way out (zip output and deflate input): bounded whatever the client's read speed, and enough that building XML and deflating overlap. */
const BUFFERED = 256 * 1024;
/** Characters per write: ~64 KiB of two-byte text stays out of V8's large-object space, freed only by full collections. */
const PIECE = 32_768;

/**
 * Streams one sheet as an .xlsx written by hand: inline strings, one bold header row, frozen under the header,
 * through a streaming zip (the same contract as `streamWorkbook`, at a fraction of exceljs's CPU: see BENCHMARKS.md).
 */
export function streamLeanWorkbook(spec: SheetSpec, opts: { level?: number } = {}): PassThrough {
  const out = new PassThrough({ highWaterMark: BUFFERED });
  const run = async () => {
    const zip = new ZipWriter(out, opts.level ?? DEFLATE_LEVEL, BUFFERED);
    const rowXml = rowWriter(spec.headers.length);
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
    await sheet.write(sheetHead(widths) + rowXml(1, spec.headers, ' s="1"'));
    let count = 0;
    for await (const batch of spec.batches) {
      // a batch becomes bytes before any write waits, so its rows are garbage while the bytes wait for the client
      const bytes: Buffer[] = [];
      let text = '';
      for (const cells of batch) {
        text += rowXml(++count + 1, cells);
        if (text.length > PIECE) {
          bytes.push(Buffer.from(text, 'utf8'));
          text = '';
        }
      }
      if (text) bytes.push(Buffer.from(text, 'utf8'));
      for (const b of bytes) await sheet.write(b);
    }
    await spec.onRows?.(count);
    await sheet.write('</sheetData></worksheet>');
    await sheet.end();
    await zip.finish();
  };
  run().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
