/**
 * Open311 answers are public, so free text (descriptions, the client's address text) is published only after the
 * personal data in it is masked: ID numbers, phone numbers, e-mail addresses and anything below the building
 * (unit, floor, flat). The building itself stays: the public address is at building level.
 */
const HIDDEN = '***';

const RULES: readonly [RegExp, string][] = [
  // e-mail addresses
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, `${HIDDEN}@${HIDDEN}`],
  // resident ID numbers: 17 digits and a check digit or X (18 characters), also the old 15-digit form below
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, HIDDEN],
  // phones written in groups: +86 138 1234 5678, 138-1234-5678, 0514-8765 4321, (0514) 87654321
  [/(?:\+?86[\s-]?)?1\d{2}[\s-]\d{4}[\s-]\d{4}(?!\d)/g, HIDDEN],
  [/(?:\(0\d{2,3}\)|(?<!\d)0\d{2,3})[\s-]?\d{3,4}[\s-]?\d{4}(?!\d)/g, HIDDEN],
  // any other run of seven or more digits (11-digit mobiles, 13-digit 86-prefixed ones, landlines, old IDs)
  [/\+?\d{7,}/g, HIDDEN],
  // building-unit-flat in dashes: 3-1-402, 12-2-1101
  [/(?<!\d)\d{1,3}\s*-\s*\d{1,2}\s*-\s*\d{2,5}(?!\d)/g, HIDDEN],
  // unit, floor, flat after a building: 3号楼2单元402室 → 3号楼***单元***室; 5栋402 → 5栋***
  [/[\dA-Za-z一二三四五六七八九十甲乙丙丁]+\s*(单元|层|楼层|室|户|号房)/g, `${HIDDEN}$1`],
  [/(单元|号楼|栋|幢|座)\s*[A-Za-z]?\d+[A-Za-z]?(?![\d号栋幢座])/g, `$1${HIDDEN}`],
];

/** `text` with its personal data masked (see above); null stays null. */
export function maskPersonal(text: string): string;
export function maskPersonal(text: string | null): string | null;
export function maskPersonal(text: string | null): string | null {
  if (text === null) return null;
  return RULES.reduce((s, [re, by]) => s.replace(re, by), text);
}
