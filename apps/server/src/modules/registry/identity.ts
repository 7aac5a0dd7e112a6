import { type CodedField, type FieldIssue, type Locale, type Text, isCode, parseIdNumber } from '@linli/contracts';
import { REGISTRY_MESSAGES as M } from './messages.js';

/** What a resident form or register row says about a person's identity; undefined = not given. */
export type IdentityInput = {
  /** '' or null clears it */
  idNumber?: string | null;
  sex?: string;
  birthDate?: string | null;
  phone?: string | null;
  relation?: string;
  political?: string;
  ethnicity?: string;
};

/** The normalised values to store; undefined = leave as it is. */
export type CheckedIdentity = {
  idNumber?: string | null;
  sex?: string;
  birthDate?: string | null;
  phone?: string | null;
};

export type IdentityCheck = { ok: true; value: CheckedIdentity } | { ok: false; issues: FieldIssue[] };

const CODED: CodedField[] = ['sex', 'relation', 'political', 'ethnicity'];

/** Mainland mobile (optionally +86), a landline with area code, or a 7–8 digit local number; answers digits only. */
export function normalisePhone(raw: string): string | null {
  const s = raw.normalize('NFKC').replace(/[\s()-]/g, '');
  const mobile = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(s);
  if (mobile) return mobile[1]!;
  if (/^0\d{9,11}$/.test(s) || /^\d{7,8}$/.test(s)) return s;
  return null;
}

const blank = (v: string | null | undefined) => v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Checks codes, the phone and the ID number (GB 11643: 15 → 18, check digit, a real birth date) and
 * cross-checks the ID against the sex and birth date given; `storedIdNumber` is the one on record when
 * the input leaves the ID alone. Sex and birth date follow the ID when it has them.
 */
export function checkIdentity(
  input: IdentityInput,
  opts: { locale: Locale; prefix?: string; storedIdNumber?: string | null; today: string },
): IdentityCheck {
  const issues: FieldIssue[] = [];
  const at = (field: string) => (opts.prefix ? `${opts.prefix}.${field}` : field);
  const add = (field: string, message: Text) => issues.push({ path: at(field), message: message[opts.locale] });
  const value: CheckedIdentity = {};

  for (const field of CODED) {
    const code = input[field];
    if (code !== undefined && !isCode(field, code)) add(field, M.unknownCode(field));
  }
  if (input.birthDate && input.birthDate > opts.today) add('birthDate', M.futureDate());
  if (input.phone !== undefined) {
    const phone = blank(input.phone) ? null : normalisePhone(input.phone!);
    if (phone === null && !blank(input.phone)) add('phone', M.phone());
    else value.phone = phone;
  }

  let id: string | null | undefined = input.idNumber === undefined ? opts.storedIdNumber : input.idNumber;
  if (input.idNumber !== undefined && blank(input.idNumber)) {
    value.idNumber = null;
    id = null;
  }
  if (id) {
    const parsed = parseIdNumber(id, new Date(`${opts.today}T23:59:59Z`));
    if ('problem' in parsed) {
      add('idNumber', { format: M.idFormat, checksum: M.idChecksum, birthDate: M.idBirthDate }[parsed.problem]());
    } else {
      const derivedSex = String(parsed.sex) as '1' | '2';
      if ((input.sex === '1' || input.sex === '2') && input.sex !== derivedSex) add('sex', M.sexMismatch(derivedSex));
      if (input.birthDate && input.birthDate !== parsed.birthDate) add('birthDate', M.birthMismatch(parsed.birthDate));
      if (input.idNumber !== undefined) value.idNumber = parsed.id;
      value.sex = derivedSex;
      value.birthDate = parsed.birthDate;
    }
  }
  if (value.sex === undefined && input.sex !== undefined) value.sex = input.sex;
  if (value.birthDate === undefined && input.birthDate !== undefined) value.birthDate = input.birthDate;
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}
