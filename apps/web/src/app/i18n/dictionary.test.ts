import { describe, expect, it } from 'vitest';
import { en } from './en';
import { DICTIONARIES, readStoredLocale, translate } from './translate';
import { zh } from './zh';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionary', () => {
  it('has the same keys in zh-CN and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('has no empty text and the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'common.total', { n: 3 })).toBe('3 in total');
    expect(translate('zh-CN', 'common.total')).toBe(DICTIONARIES['zh-CN']['common.total']);
    expect(translate('en', 'common.total', { m: 1 })).toBe('{n} in total');
  });

  it('reads only a valid stored locale', () => {
    expect(readStoredLocale({ getItem: () => 'en' })).toBe('en');
    expect(readStoredLocale({ getItem: () => 'fr' })).toBeNull();
    expect(readStoredLocale({ getItem: () => null })).toBeNull();
  });
});
