import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { FONT_FAMILY, PRIMARY } from './brand';
import { useI18n } from './i18n';
import { LOCALE_SETTINGS } from './i18n/locale-settings';
import { READABLE_COMPONENTS, READABLE_TOKENS } from './theme-tokens';

const LARGE_TEXT_KEY = 'linli.largeText';

type Prefs = { largeText: boolean; toggleLargeText: () => void };
const PrefsContext = createContext<Prefs>({ largeText: false, toggleLargeText: () => undefined });

export function usePrefs(): Prefs {
  return useContext(PrefsContext);
}

function themeFor(largeText: boolean): ThemeConfig {
  return {
    token: {
      ...READABLE_TOKENS,
      colorPrimary: PRIMARY,
      colorLink: PRIMARY,
      fontFamily: FONT_FAMILY,
      fontSize: largeText ? 19 : 15,
      borderRadius: 6,
    },
    components: { ...READABLE_COMPONENTS, Layout: { headerBg: '#ffffff', siderBg: '#ffffff' } },
  };
}

/** antd theme and locale following the UI language, plus the large-text preference. */
export function ThemeRoot({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const [largeText, setLargeText] = useState(() => localStorage.getItem(LARGE_TEXT_KEY) === '1');
  const toggleLargeText = useCallback(() => {
    localStorage.setItem(LARGE_TEXT_KEY, largeText ? '0' : '1');
    setLargeText(!largeText);
  }, [largeText]);
  const prefs = useMemo(() => ({ largeText, toggleLargeText }), [largeText, toggleLargeText]);
  const theme = useMemo(() => themeFor(largeText), [largeText]);
  return (
    <PrefsContext.Provider value={prefs}>
      <ConfigProvider locale={LOCALE_SETTINGS[locale].antd} theme={theme}>
        <AntApp className={largeText ? 'linli-large' : undefined}>{children}</AntApp>
      </ConfigProvider>
    </PrefsContext.Provider>
  );
}
