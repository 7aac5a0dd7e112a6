import type { OrderList, OrderListItem } from '@linli/contracts';
import { Card, Empty, Flex, Pagination, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { OrderClock } from './order-clock';
import { StatusTag } from './status-tag';
import './orders.css';

/** What and where: the service, the resident's words (two lines), the place and when it was placed. */
export function OrderGist({ order: o }: { order: OrderListItem }) {
  return (
    <>
      <Typography.Text strong>{o.service.name}</Typography.Text>
      <Typography.Paragraph ellipsis={{ rows: 2, tooltip: o.description }} style={{ margin: 0 }}>
        {o.description}
      </Typography.Paragraph>
      <Typography.Text type="secondary" className="order-card-meta">
        {o.place} · {dayjs(o.placedAt).format('MM-DD HH:mm')}
      </Typography.Text>
    </>
  );
}

/** The clock and what else weighs on the order: an extension asked for, rework. */
export function OrderFlags({ order: o }: { order: OrderListItem }) {
  const { t } = useI18n();
  return (
    <Flex wrap gap={4}>
      <OrderClock clock={o.clock} />
      {o.extensionPending && <Tag color="purple">{t('orders.extensionPending')}</Tag>}
      {o.reworkCount > 0 && <Tag>{t('orders.rework', { n: o.reworkCount })}</Tag>}
    </Flex>
  );
}

type CardProps = { order: OrderListItem; action?: ReactNode; highlight?: boolean; footer?: ReactNode };

/** One order as a phone card: number and status on top, what and where, the clock, then its action. */
export function OrderCard({ order: o, action, highlight, footer }: CardProps) {
  const { t } = useI18n();
  const tone = o.clock.overdue ? 'order-card-overdue' : o.service.emergency ? 'order-card-emergency' : '';
  return (
    <Card
      size="small"
      data-testid="order-card"
      data-status={o.status}
      data-order-no={o.orderNo}
      className={[tone, highlight ? 'order-card-kept' : ''].join(' ')}
    >
      <Flex vertical gap={6}>
        <Flex wrap gap={6} align="center" justify="space-between">
          <Link to={`/orders/${o.id}`} data-testid="order-link" className="order-card-no">
            {o.orderNo}
          </Link>
          <Flex wrap gap={4}>
            {o.service.emergency && <Tag color="red">{t('orders.emergency')}</Tag>}
            <StatusTag status={o.status} />
          </Flex>
        </Flex>
        <OrderGist order={o} />
        {o.handlerOrg && <Typography.Text type="secondary">{t('orders.card.handler', { name: o.handlerOrg.name })}</Typography.Text>}
        <OrderFlags order={o} />
        {footer}
        {action && (
          <Flex wrap gap={8}>
            {action}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

type ListProps = {
  list: { data?: OrderList; isPending?: boolean };
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  actions?: (item: OrderListItem) => ReactNode;
  testId?: string;
  emptyText?: string;
};

/** The orders of a list as cards (under 768 px, where a wide table would hide status, deadline and action). */
export function OrderCardList({ list, page, pageSize, onPage, actions, testId = 'order-cards', emptyText }: ListProps) {
  const { t } = useI18n();
  if (list.isPending && !list.data) return <Skeleton active />;
  const items = list.data?.items ?? [];
  if (items.length === 0) return <Empty description={emptyText ?? t('orders.empty')} />;
  return (
    <Flex vertical gap={10} data-testid={testId}>
      {items.map((o) => (
        <OrderCard key={o.id} order={o} action={actions?.(o)} />
      ))}
      <Pagination
        simple
        align="center"
        current={page}
        pageSize={pageSize}
        total={list.data?.total ?? 0}
        hideOnSinglePage
        onChange={onPage}
      />
    </Flex>
  );
}
