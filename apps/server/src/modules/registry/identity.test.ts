import { idCheckChar, upgradeLegacyId } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { checkIdentity, normalisePhone } from './identity.js';

const TODAY = '2025-06-01';
const MALE = `11010519491231003${idCheckChar('11010519491231003')}`;
const opts = (locale: 'zh-CN' | 'en' = 'zh-CN', prefix?: string) => ({ locale, prefix, today: TODAY });

describe('identity checks', () => {
  it('derives sex and birth date from an ID number', () => {
    expect(checkIdentity({ idNumber: MALE }, opts())).toEqual({ ok: true, value: { idNumber: MALE, sex: '1', birthDate: '1949-12-31' } });
  });

  it('converts a legacy 15-digit ID to 18 characters', () => {
    const legacy = '110105491231003';
    const r = checkIdentity({ idNumber: legacy, sex: '1' }, opts());
    expect(r).toEqual({ ok: true, value: { idNumber: upgradeLegacyId(legacy), sex: '1', birthDate: '1949-12-31' } });
  });

  it('reports a bad check digit, an impossible date and a bad format, in Chinese or English, at the field path', () => {
    const bad = `${MALE.slice(0, 17)}1`;
    expect(checkIdentity({ idNumber: bad }, opts('zh-CN', 'members.2'))).toEqual({
      ok: false,
      issues: [{ path: 'members.2.idNumber', message: '身份证号校验位不正确，请核对' }],
    });
    const feb30 = '11010519490230003';
    expect(checkIdentity({ idNumber: feb30 + idCheckChar(feb30) }, opts('en'))).toEqual({
      ok: false,
      issues: [{ path: 'idNumber', message: 'The birth date inside this ID number is impossible' }],
    });
    expect(checkIdentity({ idNumber: '12345' }, opts('en'))).toMatchObject({ ok: false, issues: [{ path: 'idNumber' }] });
  });

  it('refuses a sex or birth date that contradicts the ID number', () => {
    expect(checkIdentity({ idNumber: MALE, sex: '2', birthDate: '1950-01-01' }, opts('en'))).toEqual({
      ok: false,
      issues: [
        { path: 'sex', message: 'Sex does not match the ID number (it says male)' },
        { path: 'birthDate', message: 'The birth date does not match the ID number (it says 1949-12-31)' },
      ],
    });
    expect(checkIdentity({ sex: '2' }, { ...opts(), storedIdNumber: MALE })).toMatchObject({
      ok: false,
      issues: [{ path: 'sex', message: '性别与身份证号不符（身份证号为男性）' }],
    });
  });

  it('checks codes, dates and phones', () => {
    const r = checkIdentity(
      { relation: '98', political: '14', ethnicity: '57', sex: '3', birthDate: '2030-01-01', phone: '12' },
      opts('en'),
    );
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['sex', 'relation', 'political', 'ethnicity', 'birthDate', 'phone']);
    expect(checkIdentity({ phone: '', idNumber: '' }, opts())).toEqual({ ok: true, value: { phone: null, idNumber: null } });
  });

  it('normalises phones', () => {
    expect(normalisePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalisePhone('１３８１２３４５６７８')).toBe('13812345678');
    expect(normalisePhone('0514-87654321')).toBe('051487654321');
    expect(normalisePhone('12345678901')).toBeNull();
  });
});
