import { DownloadOutlined, PlusOutlined, TagsOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Space, Tabs, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { HouseholdCard } from './household-card';
import { listHouseholds, registryKeys, searchResidents } from './registry-api';
import { RegistryFiltersBar } from './registry-filters';
import { HouseholdTable, ResidentTable } from './registry-tables';
import {
  exportUrl,
  householdQuery,
  readRegistryState,
  residentQuery,
  writeRegistryState,
  type RegistryFilters,
  type RegistryState,
  type RegistryTab,
} from './search-query';

/** 居民档案: find residents or households with one search box and filters; a row opens the household card. */
export default function RegistryPage() {
  const { t } = useI18n();
  const canWrite = useCan('registry.write');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = readRegistryState(params);
  const { tab, filters, page, pageSize } = state;
  const [openId, setOpenId] = useState<string | null>(null);
  const update = (next: Partial<RegistryState>) => setParams(writeRegistryState({ ...state, ...next }), { replace: true });
  const patchFilters = (patch: Partial<RegistryFilters>) => update({ filters: { ...filters, ...patch }, page: 1 });

  const rq = residentQuery(filters, { page, pageSize });
  const hq = householdQuery(filters, { page, pageSize });
  const residents = useQuery({
    queryKey: registryKeys.residents(rq),
    queryFn: () => searchResidents(rq),
    enabled: tab === 'residents',
    placeholderData: keepPreviousData,
  });
  const households = useQuery({
    queryKey: registryKeys.households(hq),
    queryFn: () => listHouseholds(hq),
    enabled: tab === 'households',
    placeholderData: keepPreviousData,
  });
  const listError = tab === 'residents' ? residents.error : households.error;
  const paging = { page, pageSize, onPage: (p: number, size: number) => update({ page: p, pageSize: size }), onOpen: setOpenId };

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button icon={<TagsOutlined />} onClick={() => navigate('/registry/tags')} data-testid="registry-tags-link">
              {t('registry.careTags')}
            </Button>
            {canWrite && (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/registry/import')} data-testid="registry-import-link">
                {t('registry.import')}
              </Button>
            )}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/registry/new')} data-testid="registry-new">
                {t('registry.newHousehold')}
              </Button>
            )}
          </Space>
        }
      >
        {t('registry.title')}
      </PageTitle>
      <Card>
        {/* the export button sits beside the tab bar, not in it: a tab list holds tabs only (screen readers) */}
        <Flex justify="space-between" align="center" gap={12}>
          <Tabs
            style={{ flex: 1 }}
            activeKey={tab}
            onChange={(key) => update({ tab: key as RegistryTab, page: 1 })}
            items={[
              { key: 'residents', label: t('registry.tab.residents') },
              { key: 'households', label: t('registry.tab.households') },
            ]}
          />
          <Tooltip title={t('registry.exportHint')}>
            <Button icon={<DownloadOutlined />} href={exportUrl(tab, filters)} download data-testid="export-button">
              {t('registry.export')}
            </Button>
          </Tooltip>
        </Flex>
        <RegistryFiltersBar tab={tab} filters={filters} onChange={patchFilters} onReset={() => update({ filters: {}, page: 1 })} />
        {listError && <Alert type="error" showIcon title={listError.message} style={{ marginBottom: 12 }} />}
        {tab === 'residents' ? (
          <ResidentTable data={residents.data} loading={residents.isFetching} {...paging} />
        ) : (
          <HouseholdTable data={households.data} loading={households.isFetching} {...paging} />
        )}
      </Card>
      <HouseholdCard householdId={openId} open={openId !== null} onClose={() => setOpenId(null)} />
    </>
  );
}
