import { PARTY_LEFT_REASON_LABELS, PartyLeftReason, type PartyFlow, type PartyMemberDto } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Divider, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { revealMember, useOpenAccount, useUpdateMember } from './party-api';

type Props = { member: PartyMemberDto; orgs: { id: string; name: string }[]; onClose: () => void };
type EndValues = { leftReason: PartyLeftReason; leftOn: Dayjs; flowNote?: string };

/** The phone in full once, after a reason (audited); closing the dialog forgets it. */
function RevealPhone({ member }: { member: PartyMemberDto }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const showError = useShowError(form);
  const reveal = useMutation({ mutationFn: (reason: string) => revealMember(member.id, reason), gcTime: 0, onError: showError });
  if (reveal.data)
    return <Alert type="warning" showIcon title={`${reveal.data.phone ?? '—'}`} description={t('pm.revealShown')} data-testid="pm-phone" />;
  return (
    <Form form={form} layout="inline" onFinish={(v) => reveal.mutate(v.reason.trim())}>
      <Form.Item name="reason" rules={[{ required: true, min: 4 }]} style={{ flex: 1, minWidth: 180 }}>
        <Input placeholder={t('pm.revealReason')} maxLength={200} data-testid="pm-reveal-reason" />
      </Form.Item>
      <Button htmlType="submit" loading={reveal.isPending} data-testid="pm-reveal">
        {t('pm.reveal')}
      </Button>
    </Form>
  );
}

function OpenAccount({ member }: { member: PartyMemberDto }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const showError = useShowError(form);
  const open = useOpenAccount();
  if (open.data?.hasAccount) return <Alert type="success" showIcon title={t('pm.hasAccount')} data-testid="pm-account-opened" />;
  return (
    <Form form={form} layout="vertical" onFinish={(v) => open.mutate({ id: member.id, ...v }, { onError: showError })}>
      <Form.Item name="username" label={t('pm.username')} rules={[{ required: true }]}>
        <Input autoComplete="off" data-testid="pm-username" />
      </Form.Item>
      <Form.Item name="password" label={t('pm.password')} rules={[{ required: true, min: 8 }]}>
        <Input.Password autoComplete="new-password" data-testid="pm-password" />
      </Form.Item>
      <Button htmlType="submit" loading={open.isPending} data-testid="pm-open-account">
        {t('pm.account')}
      </Button>
    </Form>
  );
}

/** 管理党员: move to another organisation, flow in or out, end the membership here (转出, 去世 …), phone in full, account. */
export function ManageMemberModal({ member, orgs, onClose }: Props) {
  const { t, locale } = useI18n();
  const update = useUpdateMember();
  const [endForm] = Form.useForm<EndValues>();
  const showEndError = useShowError(endForm);
  const [orgId, setOrgId] = useState(member.org.id);
  const [flow, setFlow] = useState<PartyFlow>(member.flow);
  const [flowNote, setFlowNote] = useState(member.flowNote ?? '');
  const save = (input: Parameters<typeof update.mutate>[0]) => update.mutate(input, { onSuccess: onClose });
  const editable = member.abilities.canEdit && member.status === 'active';
  return (
    <Modal open title={t('pm.manageTitle', { name: member.name })} onCancel={onClose} footer={null} destroyOnHidden width={560}>
      {update.error && <Alert type="error" showIcon title={update.error.message} style={{ marginBottom: 12 }} />}
      {member.abilities.canReveal && <RevealPhone member={member} />}
      {editable && (
        <>
          <Divider titlePlacement="start">{t('pm.changeBranch')}</Divider>
          <Select
            value={orgId}
            onChange={setOrgId}
            options={orgs.map((o) => ({ value: o.id, label: o.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%', marginBottom: 8 }}
            data-testid="pm-org"
          />
          <Button disabled={orgId === member.org.id} loading={update.isPending} onClick={() => save({ id: member.id, orgId })}>
            {t('pm.saveBranch')}
          </Button>
          <Divider titlePlacement="start">{t('pm.flow')}</Divider>
          <Radio.Group
            value={flow}
            onChange={(e) => setFlow(e.target.value as PartyFlow)}
            options={[
              { value: 'none', label: t('pm.flowNone') },
              { value: 'flow_in', label: t('pm.flowIn') },
              { value: 'flow_out', label: t('pm.flowOut') },
            ]}
          />
          <Input
            value={flowNote}
            onChange={(e) => setFlowNote(e.target.value)}
            placeholder={t('pm.flowNote')}
            maxLength={200}
            style={{ margin: '8px 0' }}
            data-testid="pm-flow-note"
          />
          <Button onClick={() => save({ id: member.id, flow, flowNote: flowNote.trim() || null })} data-testid="pm-save-flow">
            {t('pm.saveFlow')}
          </Button>
          <Divider titlePlacement="start">{t('pm.end')}</Divider>
          <Form<EndValues>
            form={endForm}
            layout="vertical"
            initialValues={{ leftReason: 'transferred_out', leftOn: dayjs() }}
            onFinish={(v) =>
              update.mutate(
                {
                  id: member.id,
                  status: 'left',
                  leftReason: v.leftReason,
                  leftOn: v.leftOn.format('YYYY-MM-DD'),
                  flowNote: v.flowNote || null,
                },
                { onSuccess: onClose, onError: showEndError },
              )
            }
          >
            <Form.Item name="leftReason" label={t('pm.leftReason')}>
              <Select options={PartyLeftReason.options.map((r) => ({ value: r, label: PARTY_LEFT_REASON_LABELS[r][locale] }))} />
            </Form.Item>
            <Form.Item name="leftOn" label={t('pm.leftOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="flowNote" label={t('pm.note')}>
              <Input maxLength={150} />
            </Form.Item>
            <Button danger htmlType="submit" loading={update.isPending} data-testid="pm-end">
              {t('pm.saveEnd')}
            </Button>
          </Form>
        </>
      )}
      {member.abilities.canOpenAccount && (
        <>
          <Divider titlePlacement="start">{t('pm.account')}</Divider>
          <OpenAccount member={member} />
        </>
      )}
      {member.hasAccount && <Typography.Text type="secondary">{t('pm.hasAccount')}</Typography.Text>}
    </Modal>
  );
}
