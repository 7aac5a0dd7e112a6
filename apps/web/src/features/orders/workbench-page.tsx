import type { OrderCounts, OrderDto, OrderEvent, OrderListItem, OrderStatus } from '@linli/contracts';
import { ORDER_STATUS_LABELS } from '@linli/contracts';
import { Badge, Col, Empty, Pagination, Radio, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { MoveModal } from './move-modal';
import { withKept } from './next-step';
import { useOrderCounts, useOrders } from './order-api';
import { useOrderFilters } from './use-order-filters';
import { WorkbenchCard } from './workbench-card';
import './orders.css';

const PAGE_SIZE = 12;
const TABS: readonly ('open' | OrderStatus)[] = ['open', 'dispatched', 'accepted', 'in_progress', 'handled'];

function TabCount({ counts, status }: { counts: OrderCounts | undefined; status: 'open' | OrderStatus }) {
  const n = !counts ? 0 : status === 'open' ? counts.total : (counts.byStatus[status] ?? 0);
  return <Badge count={n} overflowCount={9999} showZero color="#595959" size="small" />;
}

/**
 * 处置工作台: the handler organisation's orders as cards, with one-click accept/start and the forms for the rest.
 * An order the user just moved stays in view (marked, with its next step) even when the move took it out of the
 * chosen status; the status choice wraps instead of hiding behind "…" on a phone.
 */
export default function WorkbenchPage() {
  const { t, locale } = useI18n();
  const { filters, page, update } = useOrderFilters();
  const status = filters.status ?? 'open';
  const list = useOrders({ view: 'workbench', status, overdue: filters.overdue, page, pageSize: PAGE_SIZE });
  const counts = useOrderCounts({ view: 'workbench' }).data;
  const [moving, setMoving] = useState<{ order: OrderListItem; event: OrderEvent } | null>(null);
  const [kept, setKept] = useState<OrderListItem[]>([]);
  const keep = (o: OrderDto) => setKept((prev) => [o, ...prev.filter((p) => p.id !== o.id)].slice(0, 3));
  const shown = withKept(list.data?.items ?? [], kept);
  return (
    <>
      <PageTitle>{t('orders.workbench.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('orders.workbench.intro')}</Typography.Paragraph>
      <Radio.Group
        value={status}
        optionType="button"
        buttonStyle="solid"
        className="wb-status"
        data-testid="wb-status"
        onChange={(e) => {
          setKept([]);
          update({ status: e.target.value === 'open' ? undefined : (e.target.value as OrderStatus), page: 1 });
        }}
        options={TABS.map((k) => ({
          value: k,
          label: (
            <span data-testid={`wb-tab-${k}`}>
              {k === 'open' ? t('orders.filter.open') : ORDER_STATUS_LABELS[k][locale]} <TabCount counts={counts} status={k} />
            </span>
          ),
        }))}
      />
      {list.isPending ? (
        <Skeleton active />
      ) : shown.length === 0 ? (
        <Empty description={t('orders.workbench.empty')} />
      ) : (
        <Row gutter={[12, 12]} data-testid="workbench">
          {shown.map(({ item, kept: isKept }) => (
            <Col key={item.id} xs={24} md={12} xl={8}>
              <WorkbenchCard order={item} kept={isKept} onMoved={keep} onMove={(event) => setMoving({ order: item, event })} />
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
      {moving && <MoveModal order={moving.order} event={moving.event} onMoved={keep} onClose={() => setMoving(null)} />}
    </>
  );
}
