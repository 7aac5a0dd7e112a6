import { FileAddOutlined, FontSizeOutlined, HomeOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Switch, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PRIMARY } from '../../app/brand';
import { useI18n } from '../../app/i18n';
import { isConsoleUser } from '../../app/menu';
import { useSession, useSignOut } from '../../app/session';
import { usePrefs } from '../../app/theme';
import { LangSwitch } from '../../components/lang-switch';
import { useDocumentTitle } from '../../components/page-title';
import { scopeLabel } from '../../lib/labels';

function Tile({ icon, title, desc, testId }: { icon: ReactNode; title: string; desc: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Card className="portal-tile" data-testid={testId} aria-disabled>
      <Flex gap={16} align="center">
        <span style={{ fontSize: 40, color: PRIMARY }}>{icon}</span>
        <Flex vertical style={{ flex: 1, minWidth: 0 }}>
          <Flex wrap align="center" gap={8}>
            <Typography.Text strong style={{ fontSize: '1.25em' }}>
              {title}
            </Typography.Text>
            <Tag color="orange" style={{ fontSize: 14, padding: '2px 8px' }}>
              {t('common.comingSoon')}
            </Tag>
          </Flex>
          <Typography.Text type="secondary">{desc}</Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}

/** The resident portal's front door: mobile-first, big targets; its services open in later releases. */
export default function PortalPage() {
  const me = useSession();
  const { t, locale } = useI18n();
  const { largeText, toggleLargeText } = usePrefs();
  const navigate = useNavigate();
  const signOut = useSignOut();
  useDocumentTitle(t('portal.title'));
  return (
    <div style={{ minHeight: '100vh', background: '#faf7f5' }}>
      <Flex
        justify="space-between"
        align="center"
        style={{ padding: '12px 16px', background: '#fff', borderBottom: `3px solid ${PRIMARY}` }}
      >
        <Typography.Text strong style={{ fontSize: 20, color: PRIMARY }} data-testid="brand">
          {t('app.fullName')}
        </Typography.Text>
        <LangSwitch size="large" />
      </Flex>
      <main className="portal">
        <Typography.Title level={2} style={{ marginTop: 8 }} data-testid="page-title">
          {t('portal.greeting', { name: me.user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: '1em' }}>
          {t('portal.intro')}
          {me.scopes[0] && <> · {scopeLabel(me.scopes[0], locale)}</>}
        </Typography.Paragraph>
        <Flex vertical gap={16}>
          <Tile icon={<HomeOutlined />} title={t('portal.household')} desc={t('portal.householdDesc')} testId="portal-household" />
          <Tile icon={<FileAddOutlined />} title={t('portal.order')} desc={t('portal.orderDesc')} testId="portal-order" />
          <Card>
            <Flex justify="space-between" align="center">
              <label htmlFor="large-text" style={{ fontSize: '1.1em' }}>
                <FontSizeOutlined /> {t('portal.largeText')}
              </label>
              <Switch id="large-text" checked={largeText} onChange={toggleLargeText} data-testid="large-text-toggle" />
            </Flex>
          </Card>
          {isConsoleUser(me.abilities) && (
            <Link to="/">
              <Button size="large" block>
                {t('portal.staffConsole')}
              </Button>
            </Link>
          )}
          <Button
            size="large"
            block
            danger
            icon={<LogoutOutlined />}
            loading={signOut.isPending}
            onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
            data-testid="sign-out"
          >
            {t('session.signOut')}
          </Button>
        </Flex>
      </main>
    </div>
  );
}
