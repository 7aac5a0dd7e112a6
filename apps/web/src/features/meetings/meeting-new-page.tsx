import { type InviteeInput, MEETING_KIND_LABELS, MeetingKind } from '@linli/contracts';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { AreaSelect } from '../areas/area-select';
import { createMeeting } from './meetings-api';
import { ResidentsPicker } from './residents-picker';

type Values = {
  communityId: string;
  kind: MeetingKind;
  title: string;
  startsAt: Dayjs;
  place: string;
  agenda: string;
  representatives?: string[];
  partyMembers?: string[];
  orgs?: string;
  guests?: string;
};

const ORG_ROLES: Record<string, 'property' | 'handler' | 'street'> = { 物业: 'property', 职能单位: 'handler', 街道: 'street' };
const lines = (s?: string) =>
  (s ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The invitee list from the form: residents by registry link, organisations "物业 名称" and guests one a line. */
function invitees(v: Values): InviteeInput[] {
  return [
    ...(v.representatives ?? []).map((residentId) => ({ kind: 'resident' as const, residentId, role: 'representative' as const })),
    ...(v.partyMembers ?? []).map((residentId) => ({ kind: 'resident' as const, residentId, role: 'party_member' as const })),
    ...lines(v.orgs).map((l) => {
      const [head = '', ...rest] = l.split(/\s+/);
      const role = ORG_ROLES[head];
      return { kind: 'org' as const, role: role ?? 'handler', name: role ? rest.join(' ') || head : l };
    }),
    ...lines(v.guests).map((name) => ({ kind: 'guest' as const, name, role: 'guest' as const })),
  ];
}

/** 召集会议: community, kind, time and place, the agenda in order, and who is invited. */
export default function MeetingNewPage() {
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const community = useSession().scopes.find((s) => s.areaKind === 'community')?.areaId ?? undefined;
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const submit = async (v: Values) => {
    try {
      const dto = await createMeeting({
        communityId: v.communityId,
        kind: v.kind,
        title: v.title,
        startsAt: v.startsAt.toISOString(),
        place: v.place,
        agenda: lines(v.agenda),
        invitees: invitees(v),
      });
      navigate(`/meetings/${dto.id}`);
    } catch (err) {
      showError(err);
    }
  };
  return (
    <>
      <PageTitle>{t('meetings.newTitle')}</PageTitle>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        style={{ maxWidth: 720 }}
        initialValues={{
          kind: 'representative',
          communityId: community,
          startsAt: dayjs().add(1, 'day').hour(19).startOf('hour'),
          place: '社区议事厅',
        }}
        data-testid="meeting-form"
      >
        <Form.Item name="communityId" label={t('meetings.community')} rules={[{ required: true }]}>
          <AreaSelect kinds={['community']} testId="meeting-community" />
        </Form.Item>
        <Form.Item name="kind" label={t('meetings.kind')} rules={[{ required: true }]}>
          <Select
            options={MeetingKind.options.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k][locale] }))}
            data-testid="meeting-kind"
          />
        </Form.Item>
        <Form.Item name="title" label={t('meetings.meetingTitle')} rules={[{ required: true }]}>
          <Input data-testid="meeting-title" />
        </Form.Item>
        <Form.Item name="startsAt" label={t('meetings.startsAt')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('meetings.place')} rules={[{ required: true }]}>
          <Input data-testid="meeting-place" />
        </Form.Item>
        <Form.Item name="agenda" label={t('meetings.agenda')} extra={t('meetings.agendaHelp')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} data-testid="meeting-agenda" />
        </Form.Item>
        <Form.Item name="representatives" label={t('meetings.representatives')}>
          <ResidentsPicker testId="meeting-representatives" />
        </Form.Item>
        <Form.Item name="partyMembers" label={t('meetings.partyMembers')}>
          <ResidentsPicker testId="meeting-party-members" />
        </Form.Item>
        <Form.Item name="orgs" label={t('meetings.orgs')} extra={t('meetings.orgsHelp')}>
          <Input.TextArea rows={3} data-testid="meeting-orgs" />
        </Form.Item>
        <Form.Item name="guests" label={t('meetings.guests')} extra={t('meetings.guestsHelp')}>
          <Input.TextArea rows={2} data-testid="meeting-guests" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="meeting-submit">
          {t('meetings.create')}
        </Button>
      </Form>
    </>
  );
}
