import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n';
import { SearchSelect, type SelectField } from '../../components/search-select';
import { useDebounced } from '../../lib/use-debounced';
import { searchResidents } from '../registry/registry-api';

/** Finds a resident in the registry by name (masked data as the registry shows it) and gives their id. */
export function ResidentPicker(props: SelectField & { testId: string }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const hits = useQuery({
    queryKey: ['mediation', 'residents', q],
    queryFn: () => searchResidents({ q, pageSize: 10 }),
    enabled: q !== '',
  });
  const options = (hits.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name} · ${r.address.text}` }));
  return (
    <SearchSelect
      field={props}
      onSearch={setSearch}
      options={options}
      loading={hits.isFetching}
      placeholder={t('mediation.searchResident')}
      style={{ width: '100%' }}
    />
  );
}
