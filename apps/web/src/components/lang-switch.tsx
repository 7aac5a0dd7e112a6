import { GlobalOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useI18n } from '../app/i18n';
import { LOCALE_SETTINGS } from '../app/i18n/locale-settings';
import { saveLocale, useMe } from '../app/session';

/** Toggles zh-CN / en; remembered on this device and, when signed in, saved to the account. */
export function LangSwitch({ size }: { size?: 'small' | 'middle' | 'large' }) {
  const { locale, t, chooseLocale } = useI18n();
  const { data: me } = useMe();
  const { message } = App.useApp();
  const handleClick = () => {
    const next = LOCALE_SETTINGS[locale].other;
    chooseLocale(next);
    if (me) saveLocale(next).catch((err: unknown) => message.error(err instanceof Error ? err.message : String(err)));
  };
  return (
    <Button
      data-testid="lang-switch"
      size={size}
      icon={<GlobalOutlined />}
      onClick={handleClick}
      aria-label={t('lang.label')}
      lang={LOCALE_SETTINGS[locale].other}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
