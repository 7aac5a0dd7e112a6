import { PROGRAMME_KIND_LABELS } from '@linli/contracts';
import { Alert, Empty, Select, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { HouseholdCard } from '../registry/household-card';
import { useProgrammes } from './programmes-api';
import { UnservedList } from './unserved-list';
import './programmes.css';

/** For a grid worker on a phone: pick a programme, see who in their grids is eligible but not served, open or enrol them. */
export default function UnservedPage() {
  const { t, locale } = useI18n();
  const list = useProgrammes();
  const [params, setParams] = useSearchParams();
  const [openId, setOpenId] = useState<string | null>(null);
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <Alert type="error" showIcon message={list.error.message} />;
  const chosenId = params.get('programme') ?? list.data.items[0]?.id;
  const chosen = list.data.items.find((p) => p.id === chosenId);
  return (
    <div className="programmes-page programmes-unserved-page">
      <PageTitle>{t('programmes.unservedTitle')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('programmes.unservedPageHint')}</Typography.Paragraph>
      <Select
        size="large"
        style={{ width: '100%', marginBottom: 12 }}
        value={chosen?.id}
        onChange={(id: string) => setParams({ programme: id }, { replace: true })}
        options={list.data.items.map((p) => ({ value: p.id, label: `${PROGRAMME_KIND_LABELS[p.kind][locale]} · ${p.name}` }))}
        data-testid="unserved-programme"
      />
      {chosen ? <UnservedList programme={chosen} onOpen={setOpenId} /> : <Empty description={t('programmes.none')} />}
      <HouseholdCard householdId={openId} open={openId !== null} onClose={() => setOpenId(null)} />
    </div>
  );
}
