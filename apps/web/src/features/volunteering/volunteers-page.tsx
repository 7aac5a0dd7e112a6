import { TEAM_KIND_LABELS, type TeamDto, type VolunteerDto } from '@linli/contracts';
import { Alert, Card, Rate, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useCommunityParam } from '../party/community-picker';
import { CommunityTitle } from './community-title';
import { useTeams, useVolunteers } from './api';
import { RegisterVolunteerButton } from './register-volunteer-button';

/** /volunteering/volunteers: teams with leaders and rosters, and the volunteer registry (phones masked), most hours first. */
export default function VolunteersPage() {
  const { t, locale } = useI18n();
  const [communityId, setCommunityId] = useCommunityParam();
  const [teamId, setTeamId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const teams = useTeams(communityId);
  const list = useVolunteers({ communityId, teamId, page, pageSize: 20 });
  return (
    <>
      <CommunityTitle
        title={t('vol.title')}
        communityId={communityId}
        onCommunity={setCommunityId}
        action={<RegisterVolunteerButton communityId={communityId} />}
      />
      {(list.error ?? teams.error) && <Alert type="error" showIcon title={(list.error ?? teams.error)!.message} />}
      <Card size="small" title={t('vol.teams')} style={{ marginBottom: 16 }}>
        <Table<TeamDto>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 560 }}
          data-testid="teams-table"
          dataSource={teams.data?.items}
          rowClassName={(r) => (r.id === teamId ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ onClick: () => setTeamId(r.id === teamId ? undefined : r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('vol.team'), dataIndex: 'name' },
            { title: t('act.kind'), render: (_, r) => <Tag>{TEAM_KIND_LABELS[r.kind][locale]}</Tag> },
            { title: t('vol.leader'), dataIndex: 'leaderName' },
            { title: t('vol.members'), dataIndex: 'members' },
            { title: t('vol.hours'), dataIndex: 'hours' },
          ]}
        />
      </Card>
      <Table<VolunteerDto>
        rowKey="id"
        size="small"
        scroll={{ x: 640 }}
        loading={list.isPending}
        data-testid="volunteers-table"
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('vol.name'), dataIndex: 'name' },
          { title: t('vol.phone'), dataIndex: 'phone' },
          { title: t('vol.team'), dataIndex: 'teamName' },
          { title: t('vol.skills'), render: (_, v) => v.skills.join('、') },
          { title: t('vol.hours'), dataIndex: 'hours' },
          { title: t('vol.stars'), render: (_, v) => <Rate disabled count={5} value={v.stars} style={{ fontSize: 12 }} /> },
        ]}
      />
    </>
  );
}
