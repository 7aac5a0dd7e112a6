import type { Locale } from '@linli/contracts';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale } from '../../lib/api';
import { browserLocale } from './browser-locale';
import { LOCALE_SETTINGS } from './locale-settings';
import { sessionLocale } from './session-locale';
import { LOCALE_STORAGE_KEY, readStoredLocale, translate, type Translate } from './translate';

type I18n = {
  locale: Locale;
  t: Translate;
  /** an explicit choice: remembered on this device */
  chooseLocale: (locale: Locale) => void;
  /** the signed-in user's saved language (null: never chose), used when this device has no choice */
  adoptLocale: (saved: Locale | null) => void;
};

const I18nContext = createContext<I18n | null>(null);

function apply(locale: Locale) {
  setApiLocale(locale);
  dayjs.locale(LOCALE_SETTINGS[locale].dayjs);
  document.documentElement.lang = locale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() => {
    // an explicit choice on this device wins; a first visit follows the browser's languages
    const initial = readStoredLocale() ?? browserLocale(typeof navigator === 'undefined' ? undefined : navigator.languages);
    apply(initial);
    return initial;
  });
  const chooseLocale = useCallback((next: Locale) => {
    localStorage.setItem(LOCALE_STORAGE_KEY, next);
    apply(next);
    setLocale(next);
  }, []);
  const adoptLocale = useCallback((saved: Locale | null) => {
    const next = sessionLocale({ device: readStoredLocale(), saved, browser: browserLocale(navigator.languages) });
    apply(next);
    setLocale(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ locale, t: (key, vars) => translate(locale, key, vars), chooseLocale, adoptLocale }),
    [locale, chooseLocale, adoptLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
