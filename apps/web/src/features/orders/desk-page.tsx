import { PlusOutlined } from '@ant-design/icons';
import { LIVE_STATUSES, ORDER_STATUS_LABELS, type OrderCounts, type OrderStatus } from '@linli/contracts';
import { Badge, Button, Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { MoveModal, type MoveTarget } from './move-modal';
import { useOrderCounts, useOrders, type OrderFilter } from './order-api';
import { OrderFilters } from './order-filters';
import { ORDER_PAGE_SIZE, OrderTable } from './order-table';
import { useOrderFilters } from './use-order-filters';

type TabKey = 'all' | 'overdue' | OrderStatus;

const tabFilter = (key: TabKey): OrderFilter =>
  key === 'all'
    ? { status: undefined, overdue: undefined }
    : key === 'overdue'
      ? { status: undefined, overdue: true }
      : { status: key, overdue: undefined };

function TabCount({ counts, tab }: { counts: OrderCounts | undefined; tab: TabKey }) {
  const n = !counts ? 0 : tab === 'all' ? counts.total : tab === 'overdue' ? counts.overdue : (counts.byStatus[tab] ?? 0);
  return <Badge count={n} overflowCount={9999} showZero color={tab === 'overdue' ? 'red' : '#8c8c8c'} size="small" />;
}

/** 超市派单台: the queue by urgency and deadline, counts per state, filters, and dispatch straight from the row. */
export default function DeskPage() {
  const { t, locale } = useI18n();
  const canPlace = useCan('orders.place');
  const { filters, page, update, reset } = useOrderFilters();
  const [dispatching, setDispatching] = useState<MoveTarget | null>(null);
  const list = useOrders({ ...filters, view: 'desk', page, pageSize: ORDER_PAGE_SIZE });
  const activeTab: TabKey = filters.overdue ? 'overdue' : ((filters.status as OrderStatus | undefined) ?? 'all');
  const { status: _s, overdue: _o, page: _p, view: _v, pageSize: _ps, ...base } = filters;
  const counts = useOrderCounts({ ...base, view: 'desk' }).data;
  const tabs: TabKey[] = ['all', ...LIVE_STATUSES, 'overdue'];
  const tabLabel = (k: TabKey) =>
    k === 'all' ? t('orders.desk.tab.all') : k === 'overdue' ? t('orders.desk.tab.overdue') : ORDER_STATUS_LABELS[k][locale];

  return (
    <>
      <PageTitle
        extra={
          canPlace && (
            <Link to="/orders/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="order-new">
                {t('orders.new')}
              </Button>
            </Link>
          )
        }
      >
        {t('orders.desk.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('orders.desk.intro')}</Typography.Paragraph>
      <Card size="small">
        <Tabs
          activeKey={activeTab}
          onChange={(k) => update({ ...tabFilter(k as TabKey), page: 1 })}
          data-testid="desk-tabs"
          items={tabs.map((k) => ({
            key: k,
            label: (
              <span data-testid={`desk-tab-${k}`}>
                {tabLabel(k)} <TabCount counts={counts} tab={k} />
              </span>
            ),
          }))}
        />
        <OrderFilters filters={filters} onChange={update} onReset={reset} hideStatus />
        <OrderTable
          testId="desk-table"
          list={list}
          page={page}
          onPage={(p) => update({ page: p })}
          actions={(o) =>
            o.abilities.events.includes('dispatch') ? (
              <Button size="small" type="primary" onClick={() => setDispatching(o)} data-testid="quick-dispatch">
                {t('orders.desk.quickDispatch')}
              </Button>
            ) : null
          }
        />
      </Card>
      {dispatching && <MoveModal order={dispatching} event="dispatch" onClose={() => setDispatching(null)} />}
    </>
  );
}
