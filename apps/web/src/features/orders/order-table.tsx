import { SERVICE_CATEGORY_LABELS, type OrderList, type OrderListItem } from '@linli/contracts';
import { Empty, Flex, Grid, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { OrderCardList } from './order-cards';
import { OrderClock } from './order-clock';
import { StatusTag } from './status-tag';
import './orders.css';

export const ORDER_PAGE_SIZE = 20;

type Props = {
  /** the orders query; `totalCapped`: the server stopped counting at `total` */
  list: { data?: OrderList; isFetching: boolean; isPending?: boolean };
  page: number;
  onPage: (page: number) => void;
  /** a last column, e.g. quick dispatch from the desk */
  actions?: (item: OrderListItem) => ReactNode;
  testId?: string;
};

export function rowClass(item: OrderListItem): string {
  if (item.clock.overdue) return 'order-row-overdue';
  if (item.service.emergency) return 'order-row-emergency';
  return '';
}

/**
 * A server-paged table of orders: number, service, what, where, status, handler, the clock. Under 768 px the
 * same orders as cards; on a tablet the number and the action column stay fixed while the middle scrolls.
 */
export function OrderTable(props: Props) {
  const screens = Grid.useBreakpoint();
  if (screens.md === false) {
    const { list, page, onPage, actions, testId = 'orders-table' } = props;
    return (
      <OrderCardList list={list} page={page} pageSize={ORDER_PAGE_SIZE} onPage={onPage} actions={actions} testId={`${testId}-cards`} />
    );
  }
  return <WideOrderTable {...props} />;
}

function WideOrderTable({ list, page, onPage, actions, testId = 'orders-table' }: Props) {
  const { t, locale } = useI18n();
  // a tablet (768–991 px): status under the number, service over the description, no handler column
  const isTablet = Grid.useBreakpoint().lg === false;
  const columns: TableColumnsType<OrderListItem> = [
    {
      key: 'no',
      title: t('orders.col.no'),
      width: 150,
      fixed: 'left',
      render: (_, o) => (
        <Flex vertical gap={2}>
          <Link to={`/orders/${o.id}`} data-testid="order-link">
            {o.orderNo}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(o.placedAt).format('MM-DD HH:mm')} · {t(`orders.channel.${o.channel}`)}
          </Typography.Text>
          {isTablet && (
            <span>
              <StatusTag status={o.status} />
            </span>
          )}
        </Flex>
      ),
    },
    {
      key: 'service',
      title: t('orders.col.service'),
      width: 170,
      responsive: ['lg'],
      render: (_, o) => (
        <Flex vertical gap={2} align="start">
          <span>
            {o.service.emergency && (
              <Tag color="red" style={{ marginInlineEnd: 4 }}>
                {t('orders.emergency')}
              </Tag>
            )}
            {o.service.name}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {SERVICE_CATEGORY_LABELS[o.service.category][locale]}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'what',
      title: t('orders.col.description'),
      render: (_, o) => (
        <Flex vertical gap={2}>
          {isTablet && <Typography.Text strong>{o.service.name}</Typography.Text>}
          <Typography.Text ellipsis={{ tooltip: o.description }} style={{ maxWidth: 320 }}>
            {o.description}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.place}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('orders.col.status'),
      width: 120,
      responsive: ['lg'],
      render: (_, o) => (
        <Flex vertical gap={2} align="start">
          <StatusTag status={o.status} />
          {o.extensionPending && <Tag color="purple">{t('orders.extensionPending')}</Tag>}
          {o.reworkCount > 0 && <Tag>{t('orders.rework', { n: o.reworkCount })}</Tag>}
        </Flex>
      ),
    },
    { key: 'handler', title: t('orders.col.handler'), width: 150, responsive: ['lg'], render: (_, o) => o.handlerOrg?.name ?? '—' },
    { key: 'clock', title: t('orders.col.clock'), width: 210, render: (_, o) => <OrderClock clock={o.clock} /> },
  ];
  if (actions) columns.push({ key: 'actions', title: t('common.actions'), width: 110, fixed: 'right', render: (_, o) => actions(o) });
  return (
    <Table
      rowKey="id"
      size="middle"
      data-testid={testId}
      loading={list.isFetching}
      dataSource={list.data?.items}
      columns={columns}
      rowClassName={rowClass}
      scroll={isTablet ? undefined : { x: 1000 }}
      onRow={(o) => ({ 'data-testid': 'order-row', 'data-status': o.status }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty description={t('orders.empty')} /> }}
      pagination={{
        current: page,
        pageSize: ORDER_PAGE_SIZE,
        total: list.data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (n) => t('common.total', { n: list.data?.totalCapped ? `${n}+` : n }),
        onChange: onPage,
      }}
    />
  );
}
