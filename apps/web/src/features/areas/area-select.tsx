import type { AreaKind, AreaRef } from '@linli/contracts';
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useI18n } from '../../app/i18n';
import { areaKindLabel, withNote } from '../../lib/labels';
import { useDebounced } from '../../lib/use-debounced';
import { useAreaList } from './area-api';

type Props = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** only offer these kinds */
  kinds?: readonly AreaKind[];
  /** labels for values that may not be in the current options (e.g. an existing assignment) */
  known?: readonly Pick<AreaRef, 'id' | 'name' | 'kind'>[];
  placeholder?: string;
  testId?: string;
  style?: CSSProperties;
};

/** Picks an area in the user's scope: the top nodes at first, name or code search (GET /api/areas?q=) as one types. */
export function AreaSelect({ value, onChange, kinds, known = [], placeholder, testId, style }: Props) {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const tops = useAreaList({}, q === '');
  const hits = useAreaList({ q }, q !== '');
  const found = (q === '' ? tops.data : hits.data) ?? [];
  const seen = new Set<string>();
  const options = [...found, ...known]
    .filter((a) => (!kinds || kinds.includes(a.kind)) && !seen.has(a.id) && seen.add(a.id))
    .map((a) => ({ value: a.id, label: withNote(a.name, areaKindLabel(a.kind, locale), locale) }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      options={options}
      loading={tops.isFetching || hits.isFetching}
      placeholder={placeholder ?? t('areas.searchPlaceholder')}
      notFoundContent={null}
      data-testid={testId}
      style={{ minWidth: 200, ...style }}
    />
  );
}
