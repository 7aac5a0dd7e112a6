import { describe, expect, it } from 'vitest';
import { sessionLocale } from './session-locale';

describe('sessionLocale', () => {
  it("the account's saved language wins over the browser's, either way round", () => {
    expect(sessionLocale({ device: null, saved: 'en', browser: 'zh-CN' })).toBe('en');
    expect(sessionLocale({ device: null, saved: 'zh-CN', browser: 'en' })).toBe('zh-CN');
  });

  it('a user who never chose follows the browser', () => {
    expect(sessionLocale({ device: null, saved: null, browser: 'en' })).toBe('en');
    expect(sessionLocale({ device: null, saved: null, browser: 'zh-CN' })).toBe('zh-CN');
  });

  it("a choice made on this device wins over the account's (it is the newer one)", () => {
    expect(sessionLocale({ device: 'zh-CN', saved: 'en', browser: 'en' })).toBe('zh-CN');
    expect(sessionLocale({ device: 'en', saved: null, browser: 'zh-CN' })).toBe('en');
  });
});
