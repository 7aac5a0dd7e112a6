import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useDebounced } from '../../lib/use-debounced';
import { searchResidents } from '../registry/registry-api';

type Props = { value?: string[]; onChange?: (ids: string[]) => void; testId: string };

/** Several residents found by name in the registry; the chosen ones keep their labels while the search changes. */
export function ResidentsPicker({ value = [], onChange, testId }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [labels, setLabels] = useState<Map<string, string>>(new Map());
  const q = useDebounced(search.trim());
  const hits = useQuery({
    queryKey: ['meetings', 'residents', q],
    queryFn: () => searchResidents({ q, pageSize: 10 }),
    enabled: q !== '',
  });
  const found = (hits.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name} · ${r.address.text}` }));
  const options = [
    ...found,
    ...value.filter((id) => !found.some((f) => f.value === id)).map((id) => ({ value: id, label: labels.get(id) ?? id })),
  ];
  const change = (ids: string[]) => {
    setLabels((m) => new Map([...m, ...found.filter((f) => ids.includes(f.value)).map((f) => [f.value, f.label] as const)]));
    onChange?.(ids);
  };
  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={change}
      options={options}
      loading={hits.isFetching}
      placeholder={t('meetings.searchResident')}
      notFoundContent={null}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
