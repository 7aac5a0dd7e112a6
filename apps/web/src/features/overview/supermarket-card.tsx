import { addDays, localDate } from '@linli/contracts';
import { Button, Card, Col, Flex, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { type MessageKey, useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { useFigures } from '../figures/figures-api';
import { formatRate } from '../figures/format';
import { useOrders } from '../orders/order-api';

function Figure({ label, value, to, danger }: { label: MessageKey; value: string | number; to: string; danger?: boolean }) {
  const { t } = useI18n();
  return (
    <Col xs={12} sm={8} lg={4}>
      <Link to={to} data-testid={`home-${label}`}>
        <Card size="small" hoverable>
          <Statistic title={t(label)} value={value} valueStyle={danger ? { color: '#cf1322' } : undefined} />
        </Card>
      </Link>
    </Col>
  );
}

/** What waits at the supermarket for this user today: orders to dispatch, overdue ones, their organisation's open ones, the last 30 days' three rates. */
export function SupermarketCard() {
  const { t } = useI18n();
  const desk = useCan('orders.desk');
  const handle = useCan('orders.handle');
  const figures = useCan('figures.read');
  const toDispatch = useOrders({ view: 'desk', status: 'placed', page: 1, pageSize: 1 }, desk);
  const overdue = useOrders({ view: desk ? 'desk' : 'workbench', overdue: true, page: 1, pageSize: 1 }, desk || handle);
  const orgOpen = useOrders({ view: 'workbench', page: 1, pageSize: 1 }, handle && !desk);
  const today = localDate();
  const rates = useFigures({ groupBy: 'category', from: addDays(today, -29), to: today }, figures);
  if (!desk && !handle && !figures) return null;
  const home = desk ? '/orders/desk' : '/orders/workbench';
  const r = rates.data?.totals.rates;
  return (
    <Card
      title={t('overview.supermarket')}
      style={{ marginBottom: 16 }}
      data-testid="home-supermarket"
      extra={
        <Flex gap={8}>
          {(desk || handle) && (
            <Link to={home}>
              <Button type="primary">{t(desk ? 'overview.openDesk' : 'overview.openWorkbench')}</Button>
            </Link>
          )}
          {figures && (
            <Link to="/figures">
              <Button>{t('overview.openFigures')}</Button>
            </Link>
          )}
        </Flex>
      }
    >
      <Row gutter={[12, 12]}>
        {desk && <Figure label="overview.toDispatch" value={toDispatch.data?.total ?? '…'} to="/orders/desk" />}
        {(desk || handle) && (
          <Figure label="overview.overdue" value={overdue.data?.total ?? '…'} to={home} danger={Boolean(overdue.data?.total)} />
        )}
        {handle && !desk && <Figure label="overview.orgOpen" value={orgOpen.data?.total ?? '…'} to="/orders/workbench" />}
        {figures && (
          <>
            <Figure label="overview.rate30.response" value={r ? formatRate(r.responseRate) : '…'} to="/figures" />
            <Figure label="overview.rate30.resolution" value={r ? formatRate(r.resolutionRate) : '…'} to="/figures" />
            <Figure label="overview.rate30.satisfaction" value={r ? formatRate(r.satisfactionRate) : '…'} to="/figures" />
          </>
        )}
      </Row>
    </Card>
  );
}
