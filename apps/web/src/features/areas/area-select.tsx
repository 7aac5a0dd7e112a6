import type { AreaKind, AreaRef } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type CSSProperties } from 'react';
import { useI18n } from '../../app/i18n';
import { SearchSelect, type SelectField } from '../../components/search-select';
import { areaKindLabel, withNote } from '../../lib/labels';
import { useDebounced } from '../../lib/use-debounced';
import { areaKeys, getArea, useAreaList } from './area-api';

type Props = SelectField & {
  /** only offer these kinds */
  kinds?: readonly AreaKind[];
  /** labels for values that may not be in the current options (e.g. an existing assignment) */
  known?: readonly Pick<AreaRef, 'id' | 'name' | 'kind'>[];
  placeholder?: string;
  style?: CSSProperties;
};

/** Picks an area in the user's scope: the top nodes at first, name or code search (GET /api/areas?q=) as one types. */
export function AreaSelect(props: Props) {
  const { kinds, known = [], placeholder, style } = props;
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const tops = useAreaList({}, q === '');
  const hits = useAreaList({ q }, q !== '');
  const found = (q === '' ? tops.data : hits.data) ?? [];
  // a value set from outside (the address, a saved form) that no list holds: ask for its name instead of showing its id
  const unlisted = props.value && ![...found, ...known].some((a) => a.id === props.value) ? props.value : undefined;
  const chosen = useQuery({ queryKey: areaKeys.detail(unlisted ?? ''), queryFn: () => getArea(unlisted!), enabled: !!unlisted });
  const seen = new Set<string>();
  const options = [...found, ...known, ...(chosen.data && unlisted ? [chosen.data] : [])]
    .filter((a) => (!kinds || kinds.includes(a.kind)) && !seen.has(a.id) && seen.add(a.id))
    .map((a) => ({ value: a.id, label: withNote(a.name, areaKindLabel(a.kind, locale), locale) }));
  return (
    <SearchSelect
      field={props}
      onSearch={setSearch}
      options={options}
      loading={tops.isFetching || hits.isFetching}
      placeholder={placeholder ?? t('areas.searchPlaceholder')}
      style={{ minWidth: 200, ...style }}
    />
  );
}
