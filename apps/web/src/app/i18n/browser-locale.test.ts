import { describe, expect, it } from 'vitest';
import { browserLocale } from './browser-locale';

describe('browserLocale', () => {
  it('takes the first Chinese or English preference, in the browser order', () => {
    expect(browserLocale(['en-US', 'en', 'zh-CN'])).toBe('en');
    expect(browserLocale(['zh-TW', 'en-GB'])).toBe('zh-CN');
    expect(browserLocale(['de-DE', 'EN-gb', 'zh'])).toBe('en');
    expect(browserLocale(['fr-FR', 'zh-Hans-CN'])).toBe('zh-CN');
  });

  it('falls back to Chinese for other languages or none', () => {
    expect(browserLocale(['ja-JP', 'ko'])).toBe('zh-CN');
    expect(browserLocale([])).toBe('zh-CN');
    expect(browserLocale(undefined)).toBe('zh-CN');
  });
});
