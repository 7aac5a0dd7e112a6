import { XlsxRejected } from './xlsx-guard.js';

/**
 * A worksheet's XML read row by row without a general XML parser: each complete `<row>` element is cut from the
 * decoded text and its `<c>` cells read with regular expressions. Values follow exceljs's streaming reader (shared
 * and inline strings, booleans, errors as empty, formula results, numbers as dates under a date format).
 * XML that does not hold together (cut short, stray text between rows or cells, an element that never closes, a
 * shared string that is not there) is `corrupt`: read leniently, it would pass as an empty or a shorter sheet.
 */

/** What a cell holds before flattening: text, a number, a boolean, a Date, rich text runs or nothing. */
export type RawCell = string | number | boolean | Date | { richText: { text: string }[] } | null;

export type SheetContext = {
  sharedStrings: readonly unknown[];
  /** whether style index `s` shows numbers as dates */
  isDateStyle: (s: number) => boolean;
  date1904: boolean;
};

/** A sheet whose XML does not hold together. */
const malformed = (what: string) => new XlsxRejected('corrupt', `sheet XML ${what}`);

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** XML character and entity references decoded. */
export function xmlDecode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e]!,
  );
}

/** Excel's serial day number as a Date (exceljs's conversion). */
export const excelToDate = (v: number, date1904: boolean) => new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** Whether a number format shows a date or time (exceljs's test). */
export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const ATTRS = { r: /(?:^|\s)r="([^"]*)"/, t: /(?:^|\s)t="([^"]*)"/, s: /(?:^|\s)s="([^"]*)"/ };
const attr = (attrs: string, name: keyof typeof ATTRS) => ATTRS[name].exec(attrs)?.[1];

/** 1-based column of an A1 reference. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
}

const TEXT_RUNS = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>|<rPh\b[\s\S]*?<\/rPh>/g;
/** The text of `<t>` runs, leaving out phonetic runs. */
function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(TEXT_RUNS)) if (m[1] !== undefined) out += m[1];
  return xmlDecode(out);
}

const TAGS = { v: /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/, is: /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/ };
const tagText = (inner: string, tag: keyof typeof TAGS) => TAGS[tag].exec(inner)?.[1];

function cellValue(attrs: string, inner: string, ctx: SheetContext): RawCell {
  const t = attr(attrs, 't');
  const v = tagText(inner, 'v');
  if (/<f[\s>/]/.test(inner)) {
    if (v === undefined) return null;
    return t === 'str' ? xmlDecode(v) : parseFloat(v);
  }
  if (t === 'inlineStr') {
    const is = tagText(inner, 'is');
    return is === undefined ? null : textOf(is);
  }
  if (v === undefined) return null;
  switch (t) {
    case 's': {
      const i = parseInt(v, 10);
      if (!(i >= 0 && i < ctx.sharedStrings.length)) throw malformed(`refers to shared string ${v}, which is not in the file`);
      return (ctx.sharedStrings[i] as RawCell) ?? null;
    }
    case 'str':
      return xmlDecode(v);
    case 'e':
      return null;
    case 'b':
      return parseInt(v, 10) !== 0;
    default: {
      const n = parseFloat(v);
      const s = attr(attrs, 's');
      return s !== undefined && ctx.isDateStyle(Number(s)) ? excelToDate(n, ctx.date1904) : n;
    }
  }
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL_OPEN = /<c[\s>/]/;

/** Throws unless `text` holds only white space from `from` to `to` (what lies between rows, or between cells). */
function blankBetween(text: string, from: number, to: number, where: () => string): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) throw malformed(`has stray text ${where()}`);
  }
}

/** The cells of one row's XML; `values[i]` is column i + 1. */
function rowValues(inner: string, number: number, ctx: SheetContext): RawCell[] {
  const values: RawCell[] = [];
  let col = 0;
  let at = 0;
  for (const c of inner.matchAll(CELL)) {
    blankBetween(inner, at, c.index, () => `in row ${number}`);
    at = c.index + c[0].length;
    const attrs = c[1]!;
    const body = c[2] ?? '';
    if (attrs.includes('<') || (body.includes('<c') && CELL_OPEN.test(body)))
      throw malformed(`has a cell in row ${number} that does not close`);
    const ref = attr(attrs, 'r');
    col = ref ? columnOf(ref) : col + 1;
    while (values.length < col - 1) values.push(null);
    values[col - 1] = cellValue(attrs, body, ctx);
  }
  const rest = inner.slice(at).trim();
  if (rest && !rest.startsWith('<extLst')) throw malformed(`has stray text in row ${number}`);
  return values;
}

/** Where `<sheetData>` ends in `text` (and whether it was `<sheetData/>`), searching from `from`; null when not there yet. */
function sheetDataStart(text: string, from: number): { end: number; empty: boolean } | null {
  const at = text.indexOf('<sheetData', from);
  const gt = at < 0 ? -1 : text.indexOf('>', at);
  return gt < 0 ? null : { end: gt + 1, empty: text[gt - 1] === '/' };
}

/**
 * The rows of a sheet's XML, streamed: `{ number, values }` with `values[i]` column i + 1. Everything between
 * `<sheetData>` and `</sheetData>` must be rows, and the document must reach `</worksheet>`.
 */
export async function* sheetRows(chunks: AsyncIterable<string>, ctx: SheetContext): AsyncGenerator<{ number: number; values: RawCell[] }> {
  let buffer = '';
  let last = 0;
  let state: 'prolog' | 'rows' | 'after' = 'prolog';
  let searched = 0;
  const rowsIn = function* (text: string) {
    let at = 0;
    for (const m of text.matchAll(ROW)) {
      blankBetween(text, at, m.index, () => `after row ${last}`);
      at = m.index + m[0].length;
      const attrs = m[1]!;
      const inner = m[2] ?? '';
      if (attrs.includes('<') || inner.includes('<row')) throw malformed(`has a row after row ${last} that does not close`);
      const r = attr(attrs, 'r');
      const number = r ? parseInt(r, 10) : last + 1;
      last = number;
      yield { number, values: rowValues(inner, number, ctx) };
    }
    blankBetween(text, at, text.length, () => `after row ${last}`);
  };
  for await (const chunk of chunks) {
    buffer += chunk;
    if (state === 'prolog') {
      const start = sheetDataStart(buffer, searched);
      searched = Math.max(0, buffer.length - 16);
      if (!start) continue;
      state = start.empty ? 'after' : 'rows';
      buffer = buffer.slice(start.end);
    }
    if (state !== 'rows') continue;
    const end = buffer.lastIndexOf('</row>');
    if (end < 0) continue;
    const cut = end + 6;
    yield* rowsIn(buffer.slice(0, cut));
    buffer = buffer.slice(cut);
  }
  if (state === 'prolog') throw malformed('has no sheetData');
  if (state === 'rows') {
    const close = buffer.indexOf('</sheetData>');
    if (close < 0) throw malformed(`is cut short after row ${last}`);
    yield* rowsIn(buffer.slice(0, close));
    buffer = buffer.slice(close);
  }
  if (!buffer.includes('</worksheet>')) throw malformed('is cut short after its rows');
}
