import { TEAM_KIND_LABELS, type TeamDto, type VolunteerDto } from '@linli/contracts';
import { Alert, Button, Card, Flex, Rate, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useCommunityParam } from '../party/community-picker';
import { CommunityTitle } from './community-title';
import { useRemoveTeamMember, useTeams, useVolunteers } from './api';
import { RegisterVolunteerButton } from './register-volunteer-button';
import { AddMember, EditTeamModal, NewTeamButton } from './team-editor';

/** /volunteering/volunteers: teams with leaders and rosters (edited here by staff), and the volunteer registry (phones masked), most hours first. */
export default function VolunteersPage() {
  const { t, locale } = useI18n();
  const [communityId, setCommunityId] = useCommunityParam();
  const [teamId, setTeamId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<TeamDto | null>(null);
  const teams = useTeams(communityId);
  const list = useVolunteers({ communityId, teamId, page, pageSize: 20 });
  const remove = useRemoveTeamMember();
  const team = teams.data?.items.find((x) => x.id === teamId);
  const canEditAny = teams.data?.items.some((x) => x.canEdit) ?? false;
  return (
    <>
      <CommunityTitle
        title={t('vol.title')}
        communityId={communityId}
        onCommunity={setCommunityId}
        action={<RegisterVolunteerButton communityId={communityId} />}
      />
      {(list.error ?? teams.error) && <Alert type="error" showIcon title={(list.error ?? teams.error)!.message} />}
      <Card
        size="small"
        title={t('vol.teams')}
        style={{ marginBottom: 16 }}
        extra={canEditAny && <NewTeamButton communityId={communityId ?? teams.data?.items[0]?.communityId} />}
      >
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
            {
              title: '',
              render: (_, r) =>
                r.canEdit && (
                  <Button
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      setEditing(r);
                    }}
                    data-testid={`team-edit-${r.id}`}
                  >
                    {t('team.edit')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {team ? (
        <Flex vertical>
          <Typography.Title level={5}>{t('team.roster', { team: team.name })}</Typography.Title>
          {team.canEdit && <AddMember team={team} />}
        </Flex>
      ) : (
        canEditAny && <Typography.Paragraph type="secondary">{t('team.pickHint')}</Typography.Paragraph>
      )}
      {editing && <EditTeamModal team={editing} onClose={() => setEditing(null)} />}
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
          ...(team?.canEdit
            ? [
                {
                  title: '',
                  key: 'remove',
                  render: (_: unknown, v: VolunteerDto) => (
                    <Button
                      size="small"
                      danger
                      onClick={() => remove.mutate({ id: team.id, volunteerId: v.id })}
                      data-testid={`team-remove-${v.id}`}
                    >
                      {t('team.remove')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
