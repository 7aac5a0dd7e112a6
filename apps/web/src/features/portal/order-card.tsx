import { RightOutlined } from '@ant-design/icons';
import type { OrderListItem } from '@linli/contracts';
import { Card, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { ResidentStatusTag } from './resident-status';
import { ResidentClock } from './resident-clock';

/** One order in the resident's lists: service, status, what they wrote, and the clock; taps open it. */
export function OrderCard({ order }: { order: OrderListItem }) {
  const { t } = useI18n();
  return (
    <Link to={`/portal/orders/${order.id}`} className="portal-order-card" data-testid="portal-order-card" data-order-no={order.orderNo}>
      <Card size="small" hoverable>
        <Flex justify="space-between" align="start" gap={8}>
          <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Flex wrap gap={6} align="center">
              <Typography.Text strong style={{ fontSize: '1.1em' }}>
                {order.service.name}
              </Typography.Text>
              <ResidentStatusTag status={order.status} />
              {order.service.emergency && <Tag color="red">{t('orders.emergency')}</Tag>}
            </Flex>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
              {order.description}
            </Typography.Paragraph>
            <ResidentClock clock={order.clock} />
            <Typography.Text type="secondary" style={{ fontSize: '0.95em' }}>
              <span className="portal-nowrap">{t('portal.orderNo', { no: order.orderNo })}</span> ·{' '}
              <span className="portal-nowrap">{t('portal.placedAt', { at: dayjs(order.placedAt).format('YYYY-MM-DD HH:mm') })}</span>
            </Typography.Text>
          </Flex>
          <RightOutlined style={{ marginTop: 6, color: 'rgba(0,0,0,0.45)' }} />
        </Flex>
      </Card>
    </Link>
  );
}

/** A column of order cards. */
export function OrderCards({ items }: { items: readonly OrderListItem[] }) {
  return (
    <Flex vertical gap={10}>
      {items.map((o) => (
        <OrderCard key={o.id} order={o} />
      ))}
    </Flex>
  );
}
