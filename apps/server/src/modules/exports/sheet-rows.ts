import { type ExportCell, escapeCell } from './xlsx-stream.js';

// eslint-disable-next-line no-control-regex -- markup characters and exactly the characters XML 1.0 cannot carry
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 cannot carry
const UNWRITABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** XML text: markup characters escaped, characters XML 1.0 cannot hold dropped; most cells need neither and are returned as they are. */
export function xmlText(s: string): string {
  return NEEDS_WORK.test(s) ? s.replace(/[&<>"]/g, (c) => ESCAPES[c]!).replace(UNWRITABLE, '') : s;
}

/** JavaScript's `\s`, by code unit: a cell that starts or ends with one keeps it (xml:space="preserve"). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
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

/** One `<row>` of cells as SpreadsheetML text (inline strings, formula-like text escaped). */
export type RowXml = (n: number, cells: readonly ExportCell[], style?: string) => string;

/** A row writer for a sheet of `columns` columns: each column's `<c r="X` opening is made once, not once per cell. */
export function rowWriter(columns: number): RowXml {
  const open: string[] = [];
  const openOf = (i: number) => (open[i] ??= `<c r="${columnName(i)}`);
  for (let i = 0; i < columns; i++) openOf(i);
  return (n, cells, style = '') => {
    let out = `<row r="${n}">`;
    for (let i = 0; i < cells.length; i++) {
      const v = escapeCell(cells[i] ?? null);
      if (v === null || v === '') continue;
      if (typeof v === 'number') {
        if (Number.isFinite(v)) out += `${openOf(i)}${n}"${style}><v>${v}</v></c>`;
        continue;
      }
      const space = isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1)) ? ' xml:space="preserve"' : '';
      out += `${openOf(i)}${n}"${style} t="inlineStr"><is><t${space}>${xmlText(v)}</t></is></c>`;
    }
    return `${out}</row>`;
  };
}
