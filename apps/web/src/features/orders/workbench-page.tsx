import type { OrderCounts, OrderEvent, OrderListItem, OrderStatus } from '@linli/contracts';
import { ORDER_STATUS_LABELS } from '@linli/contracts';
import { Badge, Col, Empty, Pagination, Row, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { MoveModal } from './move-modal';
import { useOrderCounts, useOrders } from './order-api';
import { useOrderFilters } from './use-order-filters';
import { WorkbenchCard } from './workbench-card';
import './orders.css';

const PAGE_SIZE = 12;
const TABS: readonly ('open' | OrderStatus)[] = ['open', 'dispatched', 'accepted', 'in_progress', 'handled'];

function TabCount({ counts, status }: { counts: OrderCounts | undefined; status: 'open' | OrderStatus }) {
  const n = !counts ? 0 : status === 'open' ? counts.total : (counts.byStatus[status] ?? 0);
  return <Badge count={n} overflowCount={9999} showZero color="#8c8c8c" size="small" />;
}

/** 处置工作台: the handler organisation's orders as cards, with one-click accept/start and the forms for the rest. */
export default function WorkbenchPage() {
  const { t, locale } = useI18n();
  const { filters, page, update } = useOrderFilters();
  const status = filters.status ?? 'open';
  const list = useOrders({ view: 'workbench', status, overdue: filters.overdue, page, pageSize: PAGE_SIZE });
  const counts = useOrderCounts({ view: 'workbench' }).data;
  const [moving, setMoving] = useState<{ order: OrderListItem; event: OrderEvent } | null>(null);
  return (
    <>
      <PageTitle>{t('orders.workbench.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('orders.workbench.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={status}
        onChange={(k) => update({ status: k === 'open' ? undefined : (k as OrderStatus), page: 1 })}
        items={TABS.map((k) => ({
          key: k,
          label: (
            <span data-testid={`wb-tab-${k}`}>
              {k === 'open' ? t('orders.filter.open') : ORDER_STATUS_LABELS[k][locale]} <TabCount counts={counts} status={k} />
            </span>
          ),
        }))}
      />
      {list.isPending ? (
        <Skeleton active />
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <Empty description={t('orders.workbench.empty')} />
      ) : (
        <Row gutter={[12, 12]} data-testid="workbench">
          {list.data?.items.map((o) => (
            <Col key={o.id} xs={24} md={12} xl={8}>
              <WorkbenchCard order={o} onMove={(event) => setMoving({ order: o, event })} />
            </Col>
          ))}
        </Row>
      )}
      <Pagination
        style={{ marginTop: 16, textAlign: 'right' }}
        current={page}
        pageSize={PAGE_SIZE}
        total={list.data?.total ?? 0}
        hideOnSinglePage
        showTotal={(n) => t('common.total', { n })}
        onChange={(p) => update({ page: p })}
      />
      {moving && <MoveModal order={moving.order} event={moving.event} onClose={() => setMoving(null)} />}
    </>
  );
}
