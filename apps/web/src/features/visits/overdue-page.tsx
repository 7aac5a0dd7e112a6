import type { OverdueItem } from '@linli/contracts';
import { Card, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { AreaSelect } from '../areas/area-select';
import { CareTagList } from '../registry/care-tags';
import { HouseholdCard } from '../registry/household-card';
import { OverdueChart } from './overdue-chart';
import { useOverdueVisits } from './visit-api';

const PAGE_SIZE = 20;

/** 走访提醒: households overdue for a visit in the user's scope, with a grid filter and a chart per grid. */
export default function OverduePage() {
  const { t } = useI18n();
  const [areaId, setAreaId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const overdue = useOverdueVisits({ areaId, page, pageSize: PAGE_SIZE });
  const data = overdue.data;

  const columns: TableColumnsType<OverdueItem> = [
    { key: 'address', title: t('visits.col.address'), render: (_, i) => i.household.address.text },
    { key: 'head', title: t('visits.col.head'), render: (_, i) => i.household.headName ?? '—' },
    {
      key: 'reason',
      title: t('visits.col.reason'),
      render: (_, i) => <CareTagList codes={i.reasonTags} communityId={i.household.address.communityId} />,
    },
    { key: 'last', title: t('visits.col.lastVisit'), render: (_, i) => i.lastVisitOn ?? t('visits.never') },
    { key: 'due', title: t('visits.col.due'), dataIndex: 'dueOn' },
    {
      key: 'overdue',
      title: t('visits.col.overdue'),
      render: (_, i) => <Tag color={i.daysOverdue > i.everyDays ? 'red' : 'orange'}>{t('visits.days', { n: i.daysOverdue })}</Tag>,
    },
    {
      key: 'workers',
      title: t('visits.col.gridWorkers'),
      render: (_, i) => (i.gridWorkers.length ? i.gridWorkers.map((w) => w.name).join('、') : '—'),
    },
  ];

  return (
    <>
      <PageTitle>{t('visits.overdueTitle')}</PageTitle>
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('visits.overdueIntro')}
        </Typography.Paragraph>
        <AreaSelect
          value={areaId}
          onChange={(id) => {
            setAreaId(id);
            setPage(1);
          }}
          kinds={['street', 'community', 'compound', 'grid', 'building']}
          placeholder={t('visits.filterArea')}
          testId="overdue-area"
          style={{ maxWidth: 360 }}
        />
        {data && data.byGrid.length > 0 && (
          <Card size="small" title={t('visits.chartTitle')}>
            <OverdueChart byGrid={data.byGrid} />
          </Card>
        )}
        <Card size="small">
          <Table
            rowKey={(i) => i.household.id}
            data-testid="overdue-table"
            loading={overdue.isFetching}
            dataSource={data?.items}
            columns={columns}
            locale={{ emptyText: <Empty description={t('visits.overdueEmpty')} /> }}
            onRow={(i) => ({ onClick: () => setOpenId(i.household.id), style: { cursor: 'pointer' }, 'data-testid': 'overdue-row' })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (n) => t('common.total', { n }),
            }}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      </Flex>
      <HouseholdCard householdId={openId} open={openId !== null} onClose={() => setOpenId(null)} />
    </>
  );
}
