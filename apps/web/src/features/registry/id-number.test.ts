import { idCheckChar } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { checkIdFinal, checkIdTyping, derivedFields } from './id-number';

// 11010519491231002X is the standard's own example (female, born 1949-12-31).
const VALID = '11010519491231002X';
const today = new Date('2026-01-01T00:00:00Z');

describe('ID number while typing', () => {
  it('waits while digits are still coming, including 15 of them', () => {
    expect(checkIdTyping('', today)).toEqual({ kind: 'empty' });
    expect(checkIdTyping('1101051949', today)).toEqual({ kind: 'typing' });
    expect(checkIdTyping('110105491231002', today)).toEqual({ kind: 'typing' });
  });

  it('judges a full ID at once: a bad check digit shows immediately', () => {
    expect(checkIdTyping('110105194912310021', today)).toEqual({ kind: 'problem', problem: 'checksum' });
    expect(checkIdTyping(VALID.toLowerCase(), today)).toMatchObject({ kind: 'ok' });
  });

  it('refuses letters and overlong input at once', () => {
    expect(checkIdTyping('11010a', today)).toEqual({ kind: 'problem', problem: 'format' });
    expect(checkIdTyping('1101051949123100211', today)).toEqual({ kind: 'problem', problem: 'format' });
  });
});

describe('ID number when leaving the field', () => {
  it('converts a legacy 15-digit ID', () => {
    const c = checkIdFinal('110105491231002', today);
    expect(c).toMatchObject({ kind: 'ok', info: { id: VALID, birthDate: '1949-12-31', sex: 2 } });
  });

  it('calls an unfinished ID malformed and an impossible date a date problem', () => {
    expect(checkIdFinal('1101051949', today)).toEqual({ kind: 'problem', problem: 'format' });
    const feb30 = '11010519490230002';
    expect(checkIdFinal(feb30 + idCheckChar(feb30), today)).toEqual({ kind: 'problem', problem: 'birthDate' });
  });
});

describe('derivedFields', () => {
  it('gives date of birth and the GB/T 2261.1 sex code', () => {
    expect(derivedFields(checkIdFinal(VALID, today))).toEqual({ birthDate: '1949-12-31', sex: '2' });
    expect(derivedFields({ kind: 'typing' })).toBeNull();
  });
});
