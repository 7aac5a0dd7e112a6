import { ORDER_STATUS_LABELS, OrderStatus, SERVICE_CATEGORY_LABELS, ServiceCategoryCode } from '@linli/contracts';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { useI18n } from '../../app/i18n';
import type { OrderFilter } from './order-api';
import { useCatalogue } from './order-api';

type Props = {
  filters: OrderFilter;
  onChange: (patch: OrderFilter) => void;
  onReset: () => void;
  /** the desk shows its status as tabs instead */
  hideStatus?: boolean;
};

/** Category, service, status, overdue-only and a search over number and text; each change starts at page 1. */
export function OrderFilters({ filters: f, onChange, onReset, hideStatus }: Props) {
  const { t, locale } = useI18n();
  const catalogue = useCatalogue();
  const services = (catalogue.data?.categories ?? [])
    .filter((c) => !f.category || c.code === f.category)
    .flatMap((c) => c.services.map((s) => ({ value: s.id, label: s.name })));
  const change = (patch: OrderFilter) => onChange({ ...patch, page: 1 });
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="order-filters">
      <Input.Search
        key={`q-${f.q ?? ''}`}
        defaultValue={f.q}
        allowClear
        placeholder={t('orders.filter.q')}
        onSearch={(v) => change({ q: v.trim() || undefined })}
        style={{ width: 260 }}
        data-testid="order-filter-q"
      />
      <Select
        allowClear
        placeholder={t('orders.filter.category')}
        aria-label={t('orders.filter.category')}
        value={f.category}
        onChange={(category) => change({ category, serviceId: undefined })}
        options={ServiceCategoryCode.options.map((c) => ({ value: c, label: SERVICE_CATEGORY_LABELS[c][locale] }))}
        style={{ width: 160 }}
        data-testid="order-filter-category"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('orders.filter.service')}
        aria-label={t('orders.filter.service')}
        value={f.serviceId}
        onChange={(serviceId) => change({ serviceId })}
        options={services}
        loading={catalogue.isPending}
        style={{ width: 200 }}
        data-testid="order-filter-service"
      />
      {!hideStatus && (
        <Select
          allowClear
          placeholder={t('orders.filter.status')}
          aria-label={t('orders.filter.status')}
          value={f.status}
          onChange={(status) => change({ status })}
          options={[
            { value: 'open', label: t('orders.filter.open') },
            { value: 'terminal', label: t('orders.filter.terminal') },
            ...OrderStatus.options.map((s) => ({ value: s, label: ORDER_STATUS_LABELS[s][locale] })),
          ]}
          style={{ width: 140 }}
          data-testid="order-filter-status"
        />
      )}
      <Checkbox
        checked={f.overdue === true}
        onChange={(e) => change({ overdue: e.target.checked || undefined })}
        style={{ alignSelf: 'center' }}
      >
        {t('orders.filter.overdue')}
      </Checkbox>
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
