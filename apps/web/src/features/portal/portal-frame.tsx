import { FontSizeOutlined, LeftOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Flex, Typography, type ThemeConfig } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { PRIMARY } from '../../app/brand';
import { useI18n } from '../../app/i18n';
import { usePrefs } from '../../app/theme';
import { LangSwitch } from '../../components/lang-switch';
import { NotificationBell } from '../notifications/notification-bell';
import { useDocumentTitle } from '../../components/page-title';
import './portal.css';

type Props = {
  title: string;
  /** where the back button goes; the home page has none and shows the brand instead */
  back?: string;
  /** overrides the back button's action (a wizard steps back before it leaves) */
  onBack?: () => void;
  children: ReactNode;
};

/**
 * The portal reads larger than the console: body text at 17 px (20 px in large-text mode) and no smaller text than
 * 16 / 19 px (tags, hints), every control at least 44 px high to tap.
 */
const PORTAL_THEME: Record<'normal' | 'large', ThemeConfig> = {
  normal: { token: { fontSize: 17, fontSizeSM: 16, controlHeight: 44, controlHeightSM: 44, controlHeightLG: 52 } },
  large: { token: { fontSize: 20, fontSizeSM: 19, controlHeight: 48, controlHeightSM: 44, controlHeightLG: 56 } },
};

/** Every portal screen: a slim header (back or brand, large text, language) over one centred column. */
export function PortalFrame({ title, back, onBack, children }: Props) {
  const { t } = useI18n();
  const { largeText, toggleLargeText } = usePrefs();
  const navigate = useNavigate();
  useDocumentTitle(title);
  return (
    <ConfigProvider theme={PORTAL_THEME[largeText ? 'large' : 'normal']}>
      <div className="portal-page">
        <header className="portal-header">
          {back ? (
            <Button type="text" size="large" icon={<LeftOutlined />} onClick={onBack ?? (() => navigate(back))} data-testid="portal-back">
              {t('portal.back')}
            </Button>
          ) : (
            <Typography.Text strong className="portal-brand" style={{ color: PRIMARY }} data-testid="brand">
              {t('app.fullName')}
            </Typography.Text>
          )}
          <Flex gap={6} className="portal-header-actions">
            <Button
              size="large"
              type={largeText ? 'primary' : 'default'}
              icon={<FontSizeOutlined />}
              aria-pressed={largeText}
              aria-label={t('portal.largeText')}
              onClick={toggleLargeText}
              data-testid="large-text-toggle"
            >
              <span className="portal-header-label">{t('portal.largeTextOn')}</span>
            </Button>
            <NotificationBell portal size="large" />
            <LangSwitch size="large" />
          </Flex>
        </header>
        <main className="portal">
          <Typography.Title level={2} className="portal-title" data-testid="page-title">
            {title}
          </Typography.Title>
          {children}
        </main>
      </div>
    </ConfigProvider>
  );
}
