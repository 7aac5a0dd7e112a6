/** GB 11643 citizen ID numbers (公民身份号码): check digit, 15→18 conversion, birth date and sex. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdCardProblem = 'format' | 'checksum' | 'birthDate';
export type IdCardInfo = { id: string; birthDate: string; sex: 1 | 2 };

function realDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Converts a legacy 15-digit ID (19xx births) to the 18-character form. */
export function upgradeLegacyId(id15: string): string {
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + idCheckChar(body);
}

/** Parses an 18- or 15-character ID; answers the normalised 18-char ID with birth date and sex, or a problem. */
export function parseIdNumber(raw: string, today = new Date()): IdCardInfo | { problem: IdCardProblem } {
  const s = raw.trim().toUpperCase();
  let id: string;
  if (/^\d{15}$/.test(s)) id = upgradeLegacyId(s);
  else if (/^\d{17}[\dX]$/.test(s)) {
    if (idCheckChar(s.slice(0, 17)) !== s[17]) return { problem: 'checksum' };
    id = s;
  } else return { problem: 'format' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1890 || !realDate(y, m, d) || Date.UTC(y, m - 1, d) > today.getTime()) return { problem: 'birthDate' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return { id, birthDate, sex: Number(id[16]) % 2 === 1 ? 1 : 2 };
}

export function isValidIdNumber(raw: string): boolean {
  return !('problem' in parseIdNumber(raw));
}

/** Masks as 320102********1234 (6 + 8 stars + 4). */
export function maskIdNumber(id: string): string {
  return id.length < 10 ? '*'.repeat(id.length) : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** Masks as 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length < 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
