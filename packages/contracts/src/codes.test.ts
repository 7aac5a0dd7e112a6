import { describe, expect, it } from 'vitest';
import { ETHNICITY_CODES, NATIONAL_CODES, RELATION_CODES, SEX_CODES, codeLabel, codeOptions, isCode, lookupCode } from './codes.js';

describe('national code tables', () => {
  it('has GB/T 2261.1 sex codes 0 1 2 9', () => {
    expect(Object.keys(SEX_CODES)).toEqual(['0', '1', '2', '9']);
  });

  it('has the 56 ethnic groups of GB/T 3304 plus 97 and 98, every label a …族 except the two extras', () => {
    const codes = codeOptions('ethnicity').map((o) => o.code);
    expect(codes).toHaveLength(58);
    expect(codes.slice(0, 56)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(codes.slice(56)).toEqual(['97', '98']);
    for (const c of codes.slice(0, 56)) expect(ETHNICITY_CODES[c as keyof typeof ETHNICITY_CODES]['zh-CN']).toMatch(/族$/);
    expect(new Set(Object.values(ETHNICITY_CODES).map((l) => l.en)).size).toBe(58);
  });

  it('has GB/T 4762 political statuses 01–13 and GB/T 4761 relations with 01 self, 02 head, 10 spouse, 99 non-relative', () => {
    expect(codeOptions('political').map((o) => o.code)).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(RELATION_CODES['01'].en).toBe('Self');
    expect(RELATION_CODES['02']['zh-CN']).toBe('户主');
    expect(RELATION_CODES['38']['zh-CN']).toBe('儿媳');
    expect(Object.keys(RELATION_CODES).every((c) => /^\d{2}$/.test(c))).toBe(true);
    expect(isCode('relation', '98')).toBe(false);
  });

  it('labels every code in both languages', () => {
    for (const table of Object.values(NATIONAL_CODES))
      for (const labels of Object.values(table)) {
        expect(labels['zh-CN']).toMatch(/\S/);
        expect(labels.en).toMatch(/^[\x20-\x7e]+$/);
      }
    expect(codeLabel('ethnicity', '03', 'en')).toBe('Hui');
    expect(codeLabel('political', '01', 'zh-CN')).toBe('中共党员');
    expect(codeLabel('sex', '7', 'en')).toBe('7');
  });

  it('looks codes up from what registers write', () => {
    expect(lookupCode('sex', '男')).toBe('1');
    expect(lookupCode('sex', ' Female ')).toBe('2');
    expect(lookupCode('ethnicity', '蒙古')).toBe('02');
    expect(lookupCode('ethnicity', '汉族')).toBe('01');
    expect(lookupCode('ethnicity', '1')).toBe('01');
    expect(lookupCode('political', '党员')).toBe('01');
    expect(lookupCode('political', '群众')).toBe('13');
    expect(lookupCode('relation', '户主')).toBe('02');
    expect(lookupCode('relation', '２０')).toBe('20');
    expect(lookupCode('relation', '外星人')).toBeNull();
    expect(lookupCode('sex', '')).toBeNull();
  });
});
