import type { Ability } from '@linli/contracts';
import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../components/full-page-spin';
import { useI18n } from './i18n';
import { isConsoleUser } from './menu';
import { SessionContext, useMe, useSession } from './session';

/** Loads GET /api/me once; without a session the user goes to /login and comes back afterwards. */
export function RequireSession() {
  const { data: me, isPending, error, refetch } = useMe();
  const { t, adoptLocale } = useI18n();
  const location = useLocation();
  const savedLocale = me?.user.locale;
  useEffect(() => {
    if (savedLocale !== undefined) adoptLocale(savedLocale);
  }, [savedLocale, adoptLocale]);
  if (isPending) return <FullPageSpin />;
  if (error)
    return (
      <Result
        status="error"
        title={t('common.error')}
        subTitle={error.message}
        extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <SessionContext.Provider value={me}>
      <Outlet />
    </SessionContext.Provider>
  );
}

/** Portal-only users (residents, volunteers) are sent to /portal. */
export function ConsoleOnly() {
  const me = useSession();
  if (!isConsoleUser(me.abilities) && me.abilities.includes('portal.use')) return <Navigate to="/portal" replace />;
  return <Outlet />;
}

export function PortalOnly() {
  const me = useSession();
  if (!me.abilities.includes('portal.use')) return <Navigate to="/" replace />;
  return <Outlet />;
}

/** A 403 or 404 page with the way back home. */
function StatusPage({ status }: { status: '403' | '404' }) {
  const { t } = useI18n();
  return (
    <Result
      status={status}
      title={status}
      subTitle={t(status === '403' ? 'common.forbidden' : 'common.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export const Forbidden = () => <StatusPage status="403" />;

export function RequireAbility({ ability }: { ability: Ability }) {
  const me = useSession();
  return me.abilities.includes(ability) ? <Outlet /> : <Forbidden />;
}

export const NotFound = () => <StatusPage status="404" />;
