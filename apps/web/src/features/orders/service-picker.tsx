import { SERVICE_CATEGORY_LABELS, ServiceCategoryCode, type CatalogueDto, type ServiceDto } from '@linli/contracts';
import { Flex, Radio, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';

type Props = { catalogue: CatalogueDto | undefined; loading: boolean; value?: string; onChange?: (id: string) => void };

export function findService(catalogue: CatalogueDto | undefined, id: string | undefined): ServiceDto | undefined {
  return id ? catalogue?.categories.flatMap((c) => c.services).find((s) => s.id === id) : undefined;
}

/** A category row, then the services of that category (or all) with a search over names and keywords. */
export function ServicePicker({ catalogue, loading, value, onChange }: Props) {
  const { t, locale } = useI18n();
  const [category, setCategory] = useState<ServiceCategoryCode | 'all'>('all');
  const categories = catalogue?.categories ?? [];
  const groups = categories
    .filter((c) => category === 'all' || c.code === category)
    .map((c) => ({
      label: SERVICE_CATEGORY_LABELS[c.code][locale],
      options: c.services
        .filter((s) => s.active)
        .map((s) => ({
          value: s.id,
          label: s.emergency ? `${s.name}（${t('orders.emergency')}）` : s.name,
          search: [s.name, s.code, ...s.keywords, SERVICE_CATEGORY_LABELS[c.code][locale]].join(' ').toLowerCase(),
        })),
    }))
    .filter((g) => g.options.length > 0);
  return (
    <Flex vertical gap={8}>
      <Radio.Group
        value={category}
        onChange={(e) => setCategory(e.target.value as ServiceCategoryCode | 'all')}
        size="small"
        data-testid="intake-category"
      >
        <Radio.Button value="all">{t('orders.intake.allCategories')}</Radio.Button>
        {ServiceCategoryCode.options.map((c) => (
          <Radio.Button key={c} value={c}>
            {SERVICE_CATEGORY_LABELS[c][locale]}
          </Radio.Button>
        ))}
      </Radio.Group>
      <Select
        showSearch={{
          filterOption: (input, option) => ((option as { search?: string } | undefined)?.search ?? '').includes(input.trim().toLowerCase()),
        }}
        value={value}
        onChange={onChange}
        options={groups}
        loading={loading}
        placeholder={t('orders.intake.serviceSearch')}
        data-testid="intake-service"
      />
    </Flex>
  );
}
