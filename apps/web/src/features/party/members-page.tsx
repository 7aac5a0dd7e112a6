import { EDUCATION_LABELS, EMPLOYMENT_LABELS, type PartyMemberDto, type PartyRegistration } from '@linli/contracts';
import { Button, DatePicker, Flex, Form, Input, Radio, Segmented, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { useDebounced } from '../../lib/use-debounced';
import { CommunityPicker, useCommunityParam } from './community-picker';
import { ManageMemberModal } from './member-manage';
import { RegisterMemberModal } from './member-register';
import { useCreateMember, usePartyMembers, usePartyTree } from './party-api';

/** 党员名册: members in scope with masked phones, their posts and duty hours; in-service members reporting here are registered from it. */
export default function MembersPage() {
  const { t, locale } = useI18n();
  const [communityId, setCommunityId] = useCommunityParam();
  const [registration, setRegistration] = useState<PartyRegistration | 'all'>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [registering, setRegistering] = useState(false);
  const [registeringLocal, setRegisteringLocal] = useState(false);
  const [managing, setManaging] = useState<PartyMemberDto | null>(null);
  const query = {
    communityId,
    registration: registration === 'all' ? undefined : registration,
    q: useDebounced(q.trim()) || undefined,
    page,
    pageSize: 20,
  };
  const members = usePartyMembers(query);
  const tree = usePartyTree(communityId);
  const canWrite = Boolean(tree.data?.items[0]?.abilities.canEdit);
  const columns = [
    { title: t('party.member.name'), dataIndex: 'name', key: 'name' },
    { title: t('party.member.org'), key: 'org', render: (_: unknown, m: PartyMemberDto) => m.org.name },
    { title: t('party.member.age'), dataIndex: 'age', key: 'age' },
    { title: t('party.member.phone'), dataIndex: 'phone', key: 'phone' },
    {
      title: t('party.member.education'),
      key: 'edu',
      render: (_: unknown, m: PartyMemberDto) => (m.education ? EDUCATION_LABELS[m.education][locale] : ''),
    },
    { title: t('party.member.employment'), key: 'emp', render: (_: unknown, m: PartyMemberDto) => EMPLOYMENT_LABELS[m.employment][locale] },
    {
      title: t('party.member.registration'),
      key: 'reg',
      render: (_: unknown, m: PartyMemberDto) =>
        m.registration === 'reporting' ? <Tag color="red">{m.workUnit ?? t('party.reg.reporting')}</Tag> : t('party.reg.local'),
    },
    {
      title: t('party.member.posts'),
      key: 'posts',
      render: (_: unknown, m: PartyMemberDto) => m.posts.map((p) => <Tag key={p.holderId}>{p.title}</Tag>),
    },
    { title: t('party.member.hours'), dataIndex: 'hours', key: 'hours' },
    {
      title: '',
      key: 'manage',
      render: (_: unknown, m: PartyMemberDto) =>
        (m.abilities.canEdit || m.abilities.canReveal) && (
          <Button size="small" onClick={() => setManaging(m)} data-testid={`pm-manage-${m.id}`}>
            {t('pm.manage')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <PageTitle
        extra={
          canWrite && (
            <Flex gap={8} wrap>
              <Button type="primary" onClick={() => setRegisteringLocal(true)} data-testid="party-register-member">
                {t('pm.register')}
              </Button>
              <Button onClick={() => setRegistering(true)} data-testid="party-register-reporting">
                {t('party.registerReporting')}
              </Button>
            </Flex>
          )
        }
      >
        {t('party.membersTitle')}
      </PageTitle>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <CommunityPicker value={communityId} onChange={setCommunityId} />
        <Segmented
          value={registration}
          onChange={(v) => setRegistration(v as PartyRegistration | 'all')}
          options={[
            { value: 'all', label: '—' },
            { value: 'local', label: t('party.reg.local') },
            { value: 'reporting', label: t('party.reg.reporting') },
          ]}
        />
        <Input.Search allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('party.search')} style={{ width: 220 }} />
      </Flex>
      <Table<PartyMemberDto>
        rowKey="id"
        size="small"
        loading={members.isFetching}
        dataSource={members.data?.items ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 20, total: members.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="party-members"
      />
      {registering && tree.data?.items[0] && <ReportingModal orgs={tree.data.items} onClose={() => setRegistering(false)} />}
      {registeringLocal && tree.data?.communityId && (
        <RegisterMemberModal communityId={tree.data.communityId} orgs={tree.data.items} onClose={() => setRegisteringLocal(false)} />
      )}
      {managing && <ManageMemberModal member={managing} orgs={tree.data?.items ?? []} onClose={() => setManaging(null)} />}
    </>
  );
}

type ReportingForm = { orgId: string; name: string; sex: 1 | 2; birthDate: Dayjs; phone?: string; workUnit?: string; commitments?: string };

function ReportingModal({ orgs, onClose }: { orgs: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReportingForm>();
  const create = useCreateMember();
  const showError = useShowError(form);
  return (
    <FormModal
      form={form}
      title={t('party.registerReporting')}
      saving={create.isPending}
      onClose={onClose}
      initialValues={{ orgId: orgs[0]!.id, sex: 1 }}
      testId="party-reporting-form"
      onSave={(v) =>
        create.mutate(
          {
            ...v,
            registration: 'reporting',
            employment: 'in_service',
            birthDate: v.birthDate.format('YYYY-MM-DD'),
            phone: v.phone || undefined,
          },
          { onSuccess: onClose, onError: showError },
        )
      }
    >
      <Form.Item name="orgId" label={t('party.member.org')} rules={[{ required: true }]}>
        <Select options={orgs.map((o) => ({ value: o.id, label: o.name }))} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="name" label={t('party.member.name')} rules={[{ required: true }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="sex" label={t('party.member.sex')}>
        <Radio.Group
          options={[
            { value: 1, label: t('party.member.male') },
            { value: 2, label: t('party.member.female') },
          ]}
        />
      </Form.Item>
      <Form.Item name="birthDate" label={t('party.member.birthDate')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="phone" label={t('party.member.phone')}>
        <Input maxLength={11} inputMode="tel" />
      </Form.Item>
      <Form.Item name="workUnit" label={t('party.member.workUnit')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="commitments" label={t('party.member.commitments')}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
