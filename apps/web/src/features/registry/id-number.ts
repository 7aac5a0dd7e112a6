import { parseIdNumber, type IdCardInfo, type IdCardProblem } from '@linli/contracts';

export type IdCheck =
  { kind: 'empty' } | { kind: 'typing' } | { kind: 'problem'; problem: IdCardProblem } | { kind: 'ok'; info: IdCardInfo };

const clean = (raw: string) => raw.trim().toUpperCase();

/**
 * While typing: an 18-character ID is judged at once (check digit, birth date); a shorter run of digits is
 * still being typed, and 15 digits may be the start of an 18-digit ID, so legacy IDs wait for `checkIdFinal`.
 */
export function checkIdTyping(raw: string, today = new Date()): IdCheck {
  const s = clean(raw);
  if (s === '') return { kind: 'empty' };
  if (/^\d{1,17}$/.test(s)) return { kind: 'typing' };
  return checkIdFinal(s, today);
}

/** On leaving the field and on submit: every form is judged, 15-digit legacy IDs included. */
export function checkIdFinal(raw: string, today = new Date()): IdCheck {
  const s = clean(raw);
  if (s === '') return { kind: 'empty' };
  const parsed = parseIdNumber(s, today);
  return 'problem' in parsed ? { kind: 'problem', problem: parsed.problem } : { kind: 'ok', info: parsed };
}

/** Birth date and GB/T 2261.1 sex code derived from a valid ID, for the form to fill in. */
export function derivedFields(check: IdCheck): { birthDate: string; sex: '1' | '2' } | null {
  if (check.kind !== 'ok') return null;
  return { birthDate: check.info.birthDate, sex: check.info.sex === 1 ? '1' : '2' };
}
