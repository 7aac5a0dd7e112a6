import type { ResidentSearchItem } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useDebounced } from '../../lib/use-debounced';
import { registryKeys, searchResidents } from '../registry/registry-api';

/** A flat number like 12-1-803 searches the address; anything else the registry's name/pinyin/phone search. */
export const lookupQuery = (text: string) => (/\d+-\d+/.test(text) ? { address: text, pageSize: 10 } : { q: text, pageSize: 10 });

type Props = { value?: string; onPick: (resident: ResidentSearchItem | null) => void };

/** Finds a resident in the registry (一户一档) as the clerk types; picking one names the household and the flat. */
export function ResidentLookup({ value, onPick }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const term = useDebounced(text.trim(), 300);
  const query = lookupQuery(term);
  const found = useQuery({ queryKey: registryKeys.residents(query), queryFn: () => searchResidents(query), enabled: term.length > 0 });
  const items = found.data?.items ?? [];
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      placeholder={t('orders.intake.householdHint')}
      loading={found.isFetching}
      notFoundContent={null}
      onChange={(id?: string) => onPick(items.find((r) => r.id === id) ?? null)}
      optionLabelProp="title"
      data-testid="intake-resident"
      options={items.map((r) => ({
        value: r.id,
        title: `${r.name} · ${r.address.text}`,
        label: (
          <Flex vertical>
            <span>
              {r.name} {r.age !== null && <Typography.Text type="secondary">{r.age}</Typography.Text>}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.address.text}
              {r.phone ? ` · ${r.phone}` : ''}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
