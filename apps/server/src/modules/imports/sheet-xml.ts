/**
 * A worksheet's XML read row by row without a general XML parser: each complete `<row>` element is cut from the
 * decoded text and its `<c>` cells read with regular expressions. Values follow exceljs's streaming reader (shared
 * and inline strings, booleans, errors as empty, formula results, numbers as dates under a date format).
 */

/** What a cell holds before flattening: text, a number, a boolean, a Date, rich text runs or nothing. */
export type RawCell = string | number | boolean | Date | { richText: { text: string }[] } | null;

export type SheetContext = {
  sharedStrings: readonly unknown[];
  /** whether style index `s` shows numbers as dates */
  isDateStyle: (s: number) => boolean;
  date1904: boolean;
};

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
    case 's':
      return (ctx.sharedStrings[parseInt(v, 10)] as RawCell) ?? null;
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

/** The rows of a sheet's XML, streamed: `{ number, values }` with `values[i]` column i + 1. */
export async function* sheetRows(chunks: AsyncIterable<string>, ctx: SheetContext): AsyncGenerator<{ number: number; values: RawCell[] }> {
  let buffer = '';
  let last = 0;
  const rowsIn = function* (text: string) {
    for (const m of text.matchAll(ROW)) {
      const r = attr(m[1]!, 'r');
      const number = r ? parseInt(r, 10) : last + 1;
      last = number;
      const values: RawCell[] = [];
      let col = 0;
      for (const c of (m[2] ?? '').matchAll(CELL)) {
        const ref = attr(c[1]!, 'r');
        col = ref ? columnOf(ref) : col + 1;
        while (values.length < col - 1) values.push(null);
        values[col - 1] = cellValue(c[1]!, c[2] ?? '', ctx);
      }
      yield { number, values };
    }
  };
  for await (const chunk of chunks) {
    buffer += chunk;
    const end = buffer.lastIndexOf('</row>');
    if (end < 0) continue;
    const cut = end + 6;
    yield* rowsIn(buffer.slice(0, cut));
    buffer = buffer.slice(cut);
  }
  yield* rowsIn(buffer);
}
