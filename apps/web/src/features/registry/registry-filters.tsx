import { POLITICAL_CODES, RESIDENT_SEARCH_LIMITS, ResidentStatus, ResidentType, Tenure } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Grid, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { areaKeys, getArea } from '../areas/area-api';
import { AreaSelect } from '../areas/area-select';
import { CareTagSelect } from './care-tags';
import { codeOptions, residentTypeLabel, statusLabel, tenureLabel } from './registry-labels';
import type { RegistryFilters, RegistryTab } from './search-query';

type Props = { tab: RegistryTab; filters: RegistryFilters; onChange: (patch: Partial<RegistryFilters>) => void; onReset: () => void };

/** The search box, the address box and the filters of the active tab; every change goes to the address bar. */
export function RegistryFiltersBar({ tab, filters: f, onChange, onReset }: Props) {
  const { t, locale } = useI18n();
  const area = useQuery({ queryKey: areaKeys.detail(f.areaId ?? ''), queryFn: () => getArea(f.areaId ?? ''), enabled: Boolean(f.areaId) });
  const isResidents = tab === 'residents';
  const isPhone = !Grid.useBreakpoint().md;
  const [showMore, setShowMore] = useState(false);
  const { q: _q, address: _address, ...rest } = f;
  const activeCount = Object.values(rest).filter((v) => v !== undefined).length;
  const statuses = isResidents ? ResidentStatus.options : ResidentStatus.options.filter((s) => s !== 'deceased');
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap>
        {isResidents && (
          <Input.Search
            key={`q-${f.q ?? ''}`}
            defaultValue={f.q}
            allowClear
            enterButton={t('common.search')}
            placeholder={t('registry.q')}
            title={t('registry.qHint')}
            onSearch={(v) => onChange({ q: v.trim() || undefined })}
            style={{ flex: '2 1 320px', maxWidth: 520 }}
            size="large"
            data-testid="registry-search"
          />
        )}
        <Input.Search
          key={`address-${f.address ?? ''}`}
          defaultValue={f.address}
          allowClear
          placeholder={t('registry.address')}
          onSearch={(v) => onChange({ address: v.trim() || undefined })}
          style={{ flex: '1 1 220px', maxWidth: 320 }}
          size="large"
          data-testid="registry-address"
        />
        {isPhone && (
          <Badge count={activeCount} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setShowMore((v) => !v)} data-testid="registry-more-filters">
              {t('registry.moreFilters')}
            </Button>
          </Badge>
        )}
      </Flex>
      {(!isPhone || showMore) && (
        <Flex gap={8} wrap align="center">
          <CareTagSelect
            value={f.tags ?? []}
            onChange={(tags) => onChange({ tags: tags.length ? tags : undefined })}
            placeholder={t('registry.tags')}
            style={{ flex: '1 1 220px', maxWidth: 420 }}
            testId="registry-tags"
          />
          {isResidents ? (
            <Select
              allowClear
              value={f.residentType}
              placeholder={t('registry.residentType')}
              aria-label={t('registry.residentType')}
              onChange={(v?: ResidentType) => onChange({ residentType: v })}
              options={ResidentType.options.map((v) => ({ value: v, label: residentTypeLabel(t, v) }))}
              style={{ width: 150 }}
              data-testid="registry-type"
            />
          ) : (
            <Select
              allowClear
              value={f.tenure}
              placeholder={t('registry.tenure')}
              aria-label={t('registry.tenure')}
              onChange={(v?: Tenure) => onChange({ tenure: v })}
              options={Tenure.options.map((v) => ({ value: v, label: tenureLabel(t, v) }))}
              style={{ width: 130 }}
              data-testid="registry-tenure"
            />
          )}
          <AreaSelect
            value={f.areaId}
            onChange={(id) => onChange({ areaId: id })}
            placeholder={t('registry.area')}
            known={area.data ? [area.data] : []}
            style={{ width: 220 }}
            testId="registry-area"
          />
          {isResidents && (
            <>
              <Space.Compact>
                <InputNumber
                  min={0}
                  max={RESIDENT_SEARCH_LIMITS.age}
                  value={f.ageMin}
                  placeholder={t('registry.ageMin')}
                  onChange={(v) => onChange({ ageMin: v ?? undefined })}
                  style={{ width: 110 }}
                  data-testid="registry-age-min"
                />
                <InputNumber
                  min={0}
                  max={RESIDENT_SEARCH_LIMITS.age}
                  value={f.ageMax}
                  placeholder={t('registry.ageMax')}
                  onChange={(v) => onChange({ ageMax: v ?? undefined })}
                  style={{ width: 110 }}
                  data-testid="registry-age-max"
                />
              </Space.Compact>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                value={f.political}
                placeholder={t('registry.political')}
                aria-label={t('registry.political')}
                onChange={(v?: string) => onChange({ political: v })}
                options={codeOptions(POLITICAL_CODES, locale)}
                style={{ width: 180 }}
                data-testid="registry-political"
              />
            </>
          )}
          <Select
            allowClear
            value={f.status}
            placeholder={t('registry.status')}
            aria-label={t('registry.status')}
            onChange={(v?: ResidentStatus) => onChange({ status: v })}
            options={statuses.map((v) => ({ value: v, label: statusLabel(t, v) }))}
            style={{ width: 120 }}
            data-testid="registry-status"
          />
          <Button onClick={onReset} data-testid="registry-reset">
            {t('common.reset')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
