import { DISPUTE_KIND_LABELS, type MediationCaseItem } from '@linli/contracts';
import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { useCases } from './mediation-api';
import { StatusTag } from './status-tag';

const PAGE_SIZE = 20;

/** 矛盾纠纷调解: the cases the user mediates or supervises, newest first. */
export default function MediationListPage() {
  const { t, locale } = useI18n();
  const canOpen = useCan('mediation.use');
  const [page, setPage] = useState(1);
  const cases = useCases({ page, pageSize: PAGE_SIZE });
  const columns: TableColumnsType<MediationCaseItem> = [
    { key: 'no', title: t('mediation.col.no'), render: (_, c) => <Link to={`/mediation/${c.id}`}>{c.caseNo}</Link> },
    { key: 'kind', title: t('mediation.col.kind'), render: (_, c) => DISPUTE_KIND_LABELS[c.kind][locale] },
    { key: 'title', title: t('mediation.col.title'), dataIndex: 'title' },
    {
      key: 'status',
      title: t('mediation.col.status'),
      render: (_, c) => (
        <Flex gap={4} wrap>
          <StatusTag status={c.status} />
          {c.escalatedAt && c.status === 'open' && <Tag color="red">{t('mediation.escalated')}</Tag>}
        </Flex>
      ),
    },
    { key: 'opened', title: t('mediation.col.opened'), render: (_, c) => c.openedAt.slice(0, 10) },
    { key: 'due', title: t('mediation.col.due'), render: (_, c) => (c.status === 'open' ? c.dueAt.slice(0, 10) : '—') },
  ];
  return (
    <>
      <PageTitle
        extra={
          canOpen && (
            <Link to="/mediation/new">
              <Button type="primary" data-testid="mediation-open">
                {t('mediation.open')}
              </Button>
            </Link>
          )
        }
      >
        {t('mediation.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('mediation.intro')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: 640 }}
        columns={columns}
        dataSource={cases.data?.items ?? []}
        loading={cases.isFetching}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: cases.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="mediation-table"
      />
    </>
  );
}
