import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n';
import { SearchSelect, type SelectField } from '../../components/search-select';
import { useDebounced } from '../../lib/use-debounced';
import { searchResidents } from '../registry/registry-api';

/** A search that finds residents by name; the registry's by default, or one of a feature whose users read no registry. */
export type ResidentSearch = {
  key: string;
  run: (q: string) => Promise<{ items: { id: string; name: string; address: { text: string } }[] }>;
};
const REGISTRY_SEARCH: ResidentSearch = { key: 'registry', run: (q) => searchResidents({ q, pageSize: 10 }) };

/** Finds a resident in the registry by name (masked data as the registry shows it) and gives their id. */
export function ResidentPicker({ search: source = REGISTRY_SEARCH, ...props }: SelectField & { testId: string; search?: ResidentSearch }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const hits = useQuery({
    queryKey: ['mediation', 'residents', source.key, q],
    queryFn: () => source.run(q),
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
