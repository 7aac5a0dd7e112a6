import { TEAM_KIND_LABELS, type TeamDto, type TeamInput, VolunteerTeamKind } from '@linli/contracts';
import { Button, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useShowError } from '../../lib/form-errors';
import { AreaSelect } from '../areas/area-select';
import { useAddTeamMember, useCreateTeam, useUpdateTeam, useVolunteers } from './api';

type TeamFields = { communityId: string; kind: TeamDto['kind']; name: string; leaderVolunteerId?: string | null };

function useKindOptions() {
  const { locale } = useI18n();
  return VolunteerTeamKind.options.map((k) => ({ value: k, label: TEAM_KIND_LABELS[k][locale] }));
}

/** 新建队伍: staff add a team to a community; roster and leader follow on the page. */
export function NewTeamButton({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TeamInput>();
  const create = useCreateTeam();
  const showError = useShowError(form);
  const kinds = useKindOptions();
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="team-new">
        {t('team.new')}
      </Button>
      {open && (
        <FormModal
          form={form}
          title={t('team.new')}
          saving={create.isPending}
          onClose={() => setOpen(false)}
          initialValues={{ communityId, kind: 'party_service' }}
          testId="team-form"
          onSave={(v) => create.mutate(v, { onSuccess: () => setOpen(false), onError: showError })}
        >
          <Form.Item name="communityId" label={t('team.community')} rules={[{ required: true }]}>
            <AreaSelect kinds={['community']} testId="team-community" placeholder={t('team.community')} />
          </Form.Item>
          <Form.Item name="kind" label={t('team.kind')}>
            <Select options={kinds} />
          </Form.Item>
          <Form.Item name="name" label={t('team.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={40} data-testid="team-name" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** Renaming a team and naming its leader from its own roster. */
export function EditTeamModal({ team, onClose }: { team: TeamDto; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<TeamFields>();
  const update = useUpdateTeam();
  const showError = useShowError(form);
  const roster = useVolunteers({ teamId: team.id, pageSize: 200 });
  const kinds = useKindOptions();
  return (
    <FormModal
      form={form}
      title={`${t('team.edit')} · ${team.name}`}
      saving={update.isPending}
      onClose={onClose}
      initialValues={{ name: team.name, kind: team.kind, leaderVolunteerId: team.leaderVolunteerId }}
      testId="team-edit-form"
      onSave={(v) =>
        update.mutate(
          { id: team.id, name: v.name, kind: v.kind, leaderVolunteerId: v.leaderVolunteerId ?? null },
          { onSuccess: onClose, onError: showError },
        )
      }
    >
      <Form.Item name="name" label={t('team.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="kind" label={t('team.kind')}>
        <Select options={kinds} />
      </Form.Item>
      <Form.Item name="leaderVolunteerId" label={t('team.leader')}>
        <Select
          allowClear
          placeholder={t('team.noLeader')}
          loading={roster.isPending}
          options={(roster.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="team-leader"
        />
      </Form.Item>
    </FormModal>
  );
}

/** Puts a volunteer of the team's community on the roster (moving them off another team). */
export function AddMember({ team }: { team: TeamDto }) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<string | undefined>();
  const all = useVolunteers({ communityId: team.communityId, pageSize: 200 });
  const add = useAddTeamMember();
  const options = (all.data?.items ?? [])
    .filter((v) => v.teamId !== team.id)
    .map((v) => ({ value: v.id, label: v.teamName ? `${v.name}（${v.teamName}）` : v.name }));
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Select
        value={picked}
        onChange={setPicked}
        options={options}
        placeholder={t('team.chooseVolunteer')}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 220, flex: 1 }}
        data-testid="team-add-pick"
      />
      <Button
        type="primary"
        disabled={!picked}
        loading={add.isPending}
        onClick={() => picked && add.mutate({ id: team.id, volunteerId: picked }, { onSuccess: () => setPicked(undefined) })}
        data-testid="team-add"
      >
        {t('team.addMember')}
      </Button>
    </Flex>
  );
}
