import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginInput } from '@linli/contracts';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { landingPath } from '../../app/menu';
import { didSessionEnd } from '../../app/query-client';
import { useMe, useSignIn } from '../../app/session';
import { PRIMARY } from '../../app/brand';
import { FullPageSpin } from '../../components/full-page-spin';
import { LangSwitch } from '../../components/lang-switch';
import { useDocumentTitle } from '../../components/page-title';
import { useSecondsLeft, waitUnit } from './use-seconds-left';
import { isApiError } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';

/** Where to go after signing in: back to the page that sent us here, unless it belongs to the other face. */
function target(from: unknown, landing: '/' | '/portal'): string {
  if (typeof from !== 'string' || from.startsWith('/login')) return landing;
  const isPortalPath = from.startsWith('/portal');
  return isPortalPath === (landing === '/portal') ? from : landing;
}

export default function LoginPage() {
  const { t, adoptLocale } = useI18n();
  const { data: me, isPending } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  const [form] = Form.useForm<LoginInput>();
  const [alert, setAlert] = useState<string | null>(null);
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const secondsLeft = useSecondsLeft(retryUntil);
  const wait = waitUnit(secondsLeft);
  const signIn = useSignIn(adoptLocale);
  useDocumentTitle(t('login.title'));

  const handleFinish = (values: LoginInput) => {
    setAlert(null);
    setRetryUntil(null);
    signIn.mutate(values, {
      onSuccess: (signedIn) => navigate(target(from, landingPath(signedIn.abilities)), { replace: true }),
      onError: (err) => {
        if (isApiError(err, 'LIMIT_EXCEEDED') && err.retryAfterSeconds) setRetryUntil(Date.now() + err.retryAfterSeconds * 1000);
        showFormError(form, err, setAlert);
      },
    });
  };

  if (isPending) return <FullPageSpin />;
  if (me && !signIn.isPending) return <Navigate to={target(from, landingPath(me.abilities))} replace />;

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '24px 16px', background: '#faf7f5' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 960 }}>
        <LangSwitch />
      </Flex>
      <Flex vertical align="center" style={{ marginTop: '8vh', width: '100%', maxWidth: 400 }}>
        <Typography.Title level={1} style={{ color: PRIMARY, marginBottom: 4 }}>
          {t('app.fullName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 16 }}>
          {t('app.tagline')}
        </Typography.Paragraph>
        <Card style={{ width: '100%' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="page-title">
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {!alert && didSessionEnd() && <Alert type="warning" showIcon title={t('session.expired')} style={{ marginBottom: 16 }} />}
          {alert && (
            <Alert
              type="error"
              showIcon
              title={alert}
              description={secondsLeft > 0 ? t('login.retryIn', { time: t(`time.${wait.unit}`, { n: wait.n }) }) : undefined}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form form={form} layout="vertical" size="large" onFinish={handleFinish} requiredMark={false} data-testid="login-form">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending} disabled={secondsLeft > 0} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
    </Flex>
  );
}
