import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Grid, Layout, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { LangSwitch } from '../../components/lang-switch';
import { scopeLabel } from '../../lib/labels';
import { useI18n } from '../i18n';
import { PRIMARY } from '../brand';
import { useSession, useSignOut } from '../session';
import { ChangePasswordModal } from './change-password-modal';
import { NotificationBell } from '../../features/notifications/notification-bell';

/** The console's top bar; `menuToggle` (narrow screens) opens the side menu from the bar instead of over the page. */
export function ShellHeader({ menuToggle }: { menuToggle?: ReactNode }) {
  const me = useSession();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const isNarrow = !Grid.useBreakpoint().md;
  const [first] = me.scopes;
  const scopeText = first
    ? `${scopeLabel(first, locale)}${me.scopes.length > 1 ? ` ${t('shell.moreScopes', { n: me.scopes.length - 1 })}` : ''}`
    : '';
  const handleMenu = ({ key }: { key: string }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'signout') signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };
  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        // on a 360 px phone the bar must fit without panning: tighter gaps, no dropdown arrow
        gap: isNarrow ? 8 : 16,
        paddingInline: isNarrow ? 12 : 20,
        borderBottom: `3px solid ${PRIMARY}`,
        lineHeight: 'normal',
      }}
    >
      {menuToggle}
      <Typography.Text strong style={{ fontSize: 20, color: PRIMARY, whiteSpace: 'nowrap' }} data-testid="brand">
        {t('app.fullName')}
      </Typography.Text>
      <Flex flex={1} justify="flex-end" align="center" gap={isNarrow ? 6 : 12} style={{ minWidth: 0 }}>
        <NotificationBell />
        <LangSwitch />
        <Dropdown
          trigger={['click']}
          menu={{
            onClick: handleMenu,
            items: [
              {
                key: 'password',
                icon: <KeyOutlined />,
                label: <span data-testid="menu-change-password">{t('session.changePassword')}</span>,
              },
              { type: 'divider' },
              { key: 'signout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="sign-out">{t('session.signOut')}</span> },
            ],
          }}
        >
          <Button type="text" data-testid="user-menu" aria-label={t('shell.userMenu')} style={{ height: 'auto', minWidth: 0 }}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              <UserOutlined />
              <Flex vertical align="flex-start" style={{ minWidth: 0, lineHeight: 1.3, display: isNarrow ? 'none' : undefined }}>
                <Typography.Text strong data-testid="user-name">
                  {me.user.displayName}
                </Typography.Text>
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 260 }} data-testid="user-scope">
                  {scopeText}
                </Typography.Text>
              </Flex>
              {!isNarrow && <DownOutlined style={{ fontSize: 10 }} />}
            </Flex>
          </Button>
        </Dropdown>
      </Flex>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout.Header>
  );
}
