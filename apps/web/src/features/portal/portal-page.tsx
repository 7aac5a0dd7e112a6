import { EnvironmentOutlined, FileAddOutlined, LogoutOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { isConsoleUser } from '../../app/menu';
import { useSession, useSignOut } from '../../app/session';
import { useOrders } from '../orders/order-api';
import { OrderCards } from './order-card';
import { PortalFrame } from './portal-frame';
import { useResidentPlace } from './resident-place';
import { PortalDutyLink } from '../party/portal-duty';
import { PortalLegalLink } from '../legal/portal-legal';
import { PortalVotesLink } from '../consultations/portal-votes';
import { PortalSurveysLink } from '../surveys/portal-surveys';
import { PortalVolunteeringLinks } from '../volunteering/portal-links';

/** The portal's front door: greeting, the resident's address, one big "place an order" button, their orders. */
export default function PortalPage() {
  const me = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const open = useOrders({ view: 'mine', status: 'open', pageSize: 20 });
  const closed = useOrders({ view: 'mine', status: 'terminal', pageSize: 3 });
  const place = useResidentPlace();
  return (
    <PortalFrame title={t('portal.greeting', { name: me.user.displayName })}>
      <Card size="small" data-testid="portal-address">
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {t('portal.address')}
        </Typography.Text>
        <div style={{ fontSize: '1.1em' }}>{place ?? t('portal.addressUnknown')}</div>
      </Card>
      <Link to="/portal/order/new">
        <Button
          type="primary"
          block
          className="portal-big-button"
          icon={<FileAddOutlined />}
          style={{ marginTop: 16 }}
          data-testid="portal-place-order"
        >
          <Flex vertical align="start" component="span">
            <span>{t('portal.placeOrder')}</span>
            <span style={{ fontSize: '0.68em', fontWeight: 400 }}>{t('portal.placeOrderHint')}</span>
          </Flex>
        </Button>
      </Link>

      <div className="portal-section-title">{t('portal.openOrders')}</div>
      {open.error && <Alert type="error" showIcon title={open.error.message} />}
      {open.isPending ? (
        <Skeleton active />
      ) : open.data && open.data.items.length > 0 ? (
        <OrderCards items={open.data.items} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.noOpenOrders')} />
      )}

      {closed.data && closed.data.items.length > 0 && (
        <>
          <div className="portal-section-title">{t('portal.recentClosed')}</div>
          <OrderCards items={closed.data.items} />
        </>
      )}
      <Link to="/portal/orders">
        <Button size="large" block icon={<UnorderedListOutlined />} style={{ marginTop: 16 }} data-testid="portal-all-orders">
          {t('portal.allOrders')}
        </Button>
      </Link>

      <PortalDutyLink />
      <PortalLegalLink />
      <PortalVotesLink />
      <PortalSurveysLink />
      <PortalVolunteeringLinks />
      <Flex vertical gap={12} style={{ marginTop: 32 }}>
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
    </PortalFrame>
  );
}
