import { Card } from 'antd';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { useOrders } from './order-api';
import { OrderFilters } from './order-filters';
import { ORDER_PAGE_SIZE, OrderTable } from './order-table';
import { useOrderFilters } from './use-order-filters';

/** 全部工单: every order in the user's scope, newest first, with the same filters as the desk. */
export default function OrdersPage() {
  const { t } = useI18n();
  const { filters, page, update, reset } = useOrderFilters();
  const list = useOrders({ ...filters, view: 'all', page, pageSize: ORDER_PAGE_SIZE });
  return (
    <>
      <PageTitle>{t('orders.all.title')}</PageTitle>
      <Card size="small">
        <OrderFilters filters={filters} onChange={update} onReset={reset} />
        <OrderTable list={list} page={page} onPage={(p) => update({ page: p })} />
      </Card>
    </>
  );
}
