import type { Cell } from './xlsx-read.js';

/** A cell read as text: NFKC (full-width → half-width), trimmed, inner spaces collapsed; `widened` when it had full-width digits or letters. */
export type Text = { text: string; widened: boolean };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;

export function cellText(c: Cell): Text {
  if (c === null) return { text: '', widened: false };
  if (c instanceof Date) return { text: ymd(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate()), widened: false };
  if (typeof c === 'number') return { text: String(c), widened: false };
  if (typeof c === 'boolean') return { text: c ? 'TRUE' : 'FALSE', widened: false };
  const nfkc = c.normalize('NFKC');
  const text = nfkc.replace(/\s+/g, ' ').trim();
  return { text, widened: nfkc !== c && /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(c) };
}

/** Names lose every space between Chinese characters (张  三 → 张三); Latin names keep single spaces. */
export function cleanName(text: string): string {
  return text
    .trim()
    .replace(/(?<=[\u3400-\u9fff·])\s+(?=[\u3400-\u9fff·])/g, '')
    .replace(/\s*·\s*/g, '·');
}

function realDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export type DateResult = { date: string } | { problem: 'dateFormat' | 'dateImpossible' | 'dateFuture' };

function checked(y: number, m: number, d: number, today: Date): DateResult {
  if (y < 1890 || !realDate(y, m, d)) return { problem: 'dateImpossible' };
  if (Date.UTC(y, m - 1, d) > today.getTime()) return { problem: 'dateFuture' };
  return { date: ymd(y, m, d) };
}

function fromSerial(serial: number, today: Date): DateResult {
  if (serial < 1 || serial > 2_958_465) return { problem: 'dateImpossible' };
  const dt = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return checked(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), today);
}

/**
 * A birth date as people type it: a date cell, an Excel serial (as a number or as text), 20200105,
 * 2020-1-5, 2020/01/05, 2020.1.5, 2020年1月5日, with or without a time after it.
 */
export function parseDateCell(c: Cell, today = new Date()): DateResult | null {
  if (c === null) return null;
  if (c instanceof Date) return checked(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate(), today);
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 10_000_000 && c <= 99_991_231) return parseDateCell(String(c), today);
    return fromSerial(c, today);
  }
  const s = cellText(c).text.replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '');
  if (!s) return null;
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), today);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m && Number(m[1]) > 12) return checked(Number(m[3]), Number(m[2]), Number(m[1]), today);
  if (/^\d{5}(\.\d+)?$/.test(s)) return fromSerial(Number(s), today);
  return { problem: 'dateFormat' };
}

/** An ID number cell: text as is; numbers only when Excel kept every digit (15 digits fit, 18 do not). */
export function idNumberText(c: Cell): { text: string; widened: boolean } | { problem: 'idAsNumber' } {
  if (typeof c === 'number') return Number.isSafeInteger(c) ? { text: String(c), widened: false } : { problem: 'idAsNumber' };
  const t = cellText(c);
  return { text: t.text.replace(/[\s-]/g, '').toUpperCase(), widened: t.widened };
}

/** A unit number: 1, 1单元, 一单元, 01. */
export function parseUnit(text: string): number | null {
  const s = text.replace(/单元|unit|号/gi, '').trim();
  const digits = /^\d{1,3}$/.test(s) ? Number(s) : CN_DIGITS.indexOf(s) + 1 || null;
  return digits && digits > 0 && digits < 100 ? digits : null;
}
const CN_DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A flat as written (803, 803室, 0803) → its canonical number; `1-803`, `1单元803室` also carry the unit. */
export function parseFlat(text: string): { unit: number | null; flat: string } | null {
  const s = text.replace(/\s/g, '').replace(/(室|号|房)$/, '');
  const withUnit = /^(\d{1,2})(?:单元|-|－)(\d{1,4}[A-Za-z]?)$/.exec(s);
  if (withUnit) return { unit: Number(withUnit[1]), flat: withUnit[2]!.replace(/^0+(?=\d)/, '') };
  if (/^\d{1,5}[A-Za-z]?$/.test(s)) return { unit: null, flat: s.replace(/^0+(?=\d)/, '') };
  return s ? { unit: null, flat: s } : null;
}

/** The floor a flat number implies: 803 → 8, 1203 → 12, 3 → 1. */
export function floorOfFlat(flat: string): number {
  const digits = /^\d+/.exec(flat)?.[0];
  if (!digits || digits.length < 3) return 1;
  return Math.max(1, Number(digits.slice(0, -2)));
}

/** A building name reduced to what people vary: 1幢, 1栋, 1号楼, 1# and 1 are the same building. */
export function buildingKey(text: string): string {
  const s = text.normalize('NFKC').replace(/\s/g, '').toLowerCase();
  const m = /^(?:第)?(\d+)(?:幢|栋|号楼|号|楼|#|座)?$/.exec(s);
  return m ? String(Number(m[1])) : s;
}

/** Splits a list cell (tags) on commas, 、, semicolons, slashes and spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、;；/|\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}
