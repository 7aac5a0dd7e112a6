import { Alert, Button, Empty, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useOrders, type OrderFilter } from '../orders/order-api';
import { OrderCards } from './order-card';
import { PortalFrame } from './portal-frame';

type Filter = 'open' | 'done' | 'all';
const STATUS: Record<Filter, OrderFilter['status']> = { open: 'open', done: 'terminal', all: undefined };
const STEP = 10;

/** All of the resident's orders, newest first, filtered by in progress / finished, with "load more". */
export default function MyOrdersPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('open');
  const [size, setSize] = useState(STEP);
  const list = useOrders({ view: 'mine', status: STATUS[filter], pageSize: size });
  const items = list.data?.items ?? [];
  return (
    <PortalFrame title={t('portal.myOrders')} back="/portal">
      <Segmented<Filter>
        block
        size="large"
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setSize(STEP);
        }}
        options={(['open', 'done', 'all'] as const).map((f) => ({ value: f, label: t(`portal.filter.${f}`) }))}
        style={{ marginBottom: 16 }}
        data-testid="portal-orders-filter"
      />
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {list.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.noOrders')} />
      ) : (
        <OrderCards items={items} />
      )}
      {list.data && list.data.total > items.length && (
        <Button size="large" block loading={list.isFetching} onClick={() => setSize(size + STEP)} style={{ marginTop: 16 }}>
          {t('portal.loadMore')}
        </Button>
      )}
      {list.data && list.data.total > 0 && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 12 }}>
          {t('common.total', { n: list.data.total })}
        </Typography.Paragraph>
      )}
    </PortalFrame>
  );
}
