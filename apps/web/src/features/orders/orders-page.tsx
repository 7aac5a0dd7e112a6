import { Card } from 'antd';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { useOrders } from './order-api';
import { OrderFilters } from './order-filters';
import { OrderTable } from './order-table';
import { useOrderFilters } from './use-order-filters';

const PAGE_SIZE = 20;

/** 全部工单: every order in the user's scope, newest first, with the same filters as the desk. */
export default function OrdersPage() {
  const { t } = useI18n();
  const { filters, page, update, reset } = useOrderFilters();
  const list = useOrders({ ...filters, view: 'all', page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageTitle>{t('orders.all.title')}</PageTitle>
      <Card size="small">
        <OrderFilters filters={filters} onChange={update} onReset={reset} />
        <OrderTable
          items={list.data?.items}
          total={list.data?.total ?? 0}
          totalCapped={list.data?.totalCapped}
          page={page}
          pageSize={PAGE_SIZE}
          loading={list.isFetching}
          onPage={(p) => update({ page: p })}
        />
      </Card>
    </>
  );
}
