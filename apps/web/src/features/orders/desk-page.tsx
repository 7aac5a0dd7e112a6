import { PlusOutlined } from '@ant-design/icons';
import {
  LIVE_STATUSES,
  ORDER_STATUS_LABELS,
  rolesFor,
  type OrderCounts,
  type OrderEvent,
  type OrderListItem,
  type OrderStatus,
} from '@linli/contracts';
import { Badge, Button, Card, Grid, Radio, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useCan, useSession } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { MoveModal, type MoveTarget } from './move-modal';
import { useOrderCounts, useOrders, type OrderFilter } from './order-api';
import { OrderFilters } from './order-filters';
import { ORDER_PAGE_SIZE, OrderTable } from './order-table';
import { useOrderFilters } from './use-order-filters';

type TabKey = 'all' | 'overdue' | 'closing' | OrderStatus;

const tabFilter = (key: TabKey): OrderFilter & { queue?: 'closing' } =>
  key === 'all'
    ? { status: undefined, overdue: undefined }
    : key === 'overdue'
      ? { status: undefined, overdue: true }
      : key === 'closing'
        ? { status: undefined, overdue: undefined, queue: 'closing' }
        : { status: key, overdue: undefined };

/** Closers (结案): the street, and a community admin where the community closes its own orders. */
const MAY_CLOSE = rolesFor('close', true);

/** The row's one quick move: dispatch a new order, close one waiting to be closed. */
const QUICK: readonly { event: OrderEvent; key: 'orders.desk.quickDispatch' | 'orders.desk.close'; testId: string }[] = [
  { event: 'dispatch', key: 'orders.desk.quickDispatch', testId: 'quick-dispatch' },
  { event: 'close', key: 'orders.desk.close', testId: 'quick-close' },
];

function TabCount({ counts, tab, closing }: { counts: OrderCounts | undefined; tab: TabKey; closing: number | undefined }) {
  if (tab === 'closing') return <Badge count={closing ?? 0} overflowCount={9999} showZero color="#531dab" size="small" />;
  const n = !counts ? 0 : tab === 'all' ? counts.total : tab === 'overdue' ? counts.overdue : (counts.byStatus[tab] ?? 0);
  return <Badge count={n} overflowCount={9999} showZero color={tab === 'overdue' ? '#cf1322' : '#595959'} size="small" />;
}

type TabBarProps = { tabs: readonly TabKey[]; active: TabKey; onChange: (k: TabKey) => void; label: (k: TabKey) => ReactNode };

/** Tabs on a wide screen; under 768 px the choices wrap onto rows (as on the workbench), so none sits off screen. */
function DeskTabBar({ tabs, active, onChange, label }: TabBarProps) {
  const isPhone = !Grid.useBreakpoint().md;
  if (isPhone)
    return (
      <Radio.Group
        value={active}
        optionType="button"
        buttonStyle="solid"
        className="wb-status"
        data-testid="desk-tabs"
        onChange={(e) => onChange(e.target.value as TabKey)}
        options={tabs.map((k) => ({ value: k, label: label(k) }))}
      />
    );
  return (
    <Tabs
      activeKey={active}
      onChange={(k) => onChange(k as TabKey)}
      data-testid="desk-tabs"
      items={tabs.map((k) => ({ key: k, label: label(k) }))}
    />
  );
}

/**
 * 超市派单台: the queue by urgency and deadline, counts per state, filters, and dispatch straight from the row.
 * Closers also get the closing queue (结案队列), closing from the row with the outcome chosen in the dialog.
 */
export default function DeskPage() {
  const { t, locale } = useI18n();
  const canPlace = useCan('orders.place');
  const { filters, page, update, reset } = useOrderFilters();
  const [moving, setMoving] = useState<{ order: MoveTarget; event: OrderEvent } | null>(null);
  const mayClose = useSession().roles.some((r) => MAY_CLOSE.includes(r));
  const [queue, setQueue] = useState<'closing' | null>(null);
  const { status: _s, overdue: _o, page: _p, view: _v, pageSize: _ps, ...base } = filters;
  const list = useOrders({ ...filters, view: queue ?? 'desk', page, pageSize: ORDER_PAGE_SIZE });
  const closingCount = useOrders({ ...base, view: 'closing', page: 1, pageSize: 1 }, mayClose).data?.total;
  const activeTab: TabKey = queue ?? (filters.overdue ? 'overdue' : ((filters.status as OrderStatus | undefined) ?? 'all'));
  const counts = useOrderCounts({ ...base, view: 'desk' }).data;
  const tabs: TabKey[] = [...(mayClose ? (['closing'] as const) : []), 'all', ...LIVE_STATUSES, 'overdue'];
  const tabLabel = (k: TabKey) =>
    k === 'all'
      ? t('orders.desk.tab.all')
      : k === 'overdue'
        ? t('orders.desk.tab.overdue')
        : k === 'closing'
          ? t('orders.desk.tab.closing')
          : ORDER_STATUS_LABELS[k][locale];
  const quick = (o: OrderListItem): ReactNode => {
    const q = QUICK.find((x) => o.abilities.events.includes(x.event));
    return q ? (
      <Button size="small" type="primary" onClick={() => setMoving({ order: o, event: q.event })} data-testid={q.testId}>
        {t(q.key)}
      </Button>
    ) : null;
  };

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
        <DeskTabBar
          tabs={tabs}
          active={activeTab}
          onChange={(k) => {
            const { queue: next, ...f } = tabFilter(k);
            setQueue(next ?? null);
            update({ ...f, page: 1 });
          }}
          label={(k) => (
            <span data-testid={`desk-tab-${k}`}>
              {tabLabel(k)} <TabCount counts={counts} tab={k} closing={closingCount} />
            </span>
          )}
        />
        <OrderFilters filters={filters} onChange={update} onReset={reset} hideStatus />
        <OrderTable testId="desk-table" list={list} page={page} onPage={(p) => update({ page: p })} actions={quick} />
      </Card>
      {moving && <MoveModal order={moving.order} event={moving.event} onClose={() => setMoving(null)} />}
    </>
  );
}
