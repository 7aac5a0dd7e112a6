import type { MeetingItem } from '@linli/contracts';
import { Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { useMeetings } from './meetings-api';
import { MeetingKindTag, MeetingStatusTag } from './status-tag';

const PAGE_SIZE = 20;

/** 居民会议: the meetings of the user's scope, newest first. */
export default function MeetingsListPage() {
  const { t } = useI18n();
  const canCall = useCan('meetings.write');
  const [page, setPage] = useState(1);
  const list = useMeetings({ page, pageSize: PAGE_SIZE });
  const paging = { current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false };
  const columns: TableColumnsType<MeetingItem> = [
    {
      key: 'title',
      title: t('meetings.col.title'),
      render: (_, m) => (
        <Flex vertical>
          <Link to={`/meetings/${m.id}`}>{m.title}</Link>
          <small>{m.communityName}</small>
        </Flex>
      ),
    },
    { key: 'kind', title: t('meetings.col.kind'), render: (_, m) => <MeetingKindTag kind={m.kind} /> },
    { key: 'when', title: t('meetings.col.when'), render: (_, m) => dayjs(m.startsAt).format('YYYY-MM-DD HH:mm') },
    { key: 'status', title: t('meetings.col.status'), render: (_, m) => <MeetingStatusTag status={m.status} /> },
    { key: 'attendance', title: t('meetings.col.attendance'), render: (_, m) => `${m.present}/${m.invited}` },
    { key: 'decisions', title: t('meetings.col.decisions'), dataIndex: 'decisions' },
  ];
  return (
    <>
      <PageTitle
        extra={
          canCall && (
            <Link to="/meetings/new">
              <Button type="primary" data-testid="meeting-new">
                {t('meetings.new')}
              </Button>
            </Link>
          )
        }
      >
        {t('meetings.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('meetings.intro')}</Typography.Paragraph>
      <Table
        data-testid="meetings-table"
        columns={columns}
        dataSource={list.data?.items}
        rowKey="id"
        loading={list.isFetching}
        size="small"
        scroll={{ x: 640 }}
        pagination={paging}
      />
    </>
  );
}
