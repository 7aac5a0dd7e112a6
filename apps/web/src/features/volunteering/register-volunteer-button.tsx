import type { VolunteerInput } from '@linli/contracts';
import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { ResidentPicker } from '../mediation/resident-picker';
import { useRegisterVolunteer, useTeams } from './api';
import { VolunteerExtraFields } from './volunteer-fields';

type Fields = Pick<VolunteerInput, 'residentId' | 'teamId' | 'phone' | 'skills' | 'availability' | 'consentExtra'>;

/** Staff register a resident of the registry as a volunteer, into a team, with extras only on consent. */
export function RegisterVolunteerButton({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Fields>();
  const teams = useTeams(communityId);
  const register = useRegisterVolunteer();
  const showError = useShowError(form);
  const submit = (v: Fields) =>
    register.mutate(v, {
      onSuccess: () => {
        setOpen(false);
        form.resetFields();
      },
      onError: showError,
    });
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="volunteer-new">
        {t('vol.register')}
      </Button>
      <Modal
        open={open}
        title={t('vol.register')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={register.isPending}
        destroyOnHidden
      >
        <Form<Fields> form={form} layout="vertical" onFinish={submit} initialValues={{ skills: [], consentExtra: false }}>
          <Form.Item name="residentId" label={t('vol.name')} rules={[{ required: true }]}>
            <ResidentPicker testId="volunteer-resident" />
          </Form.Item>
          <Form.Item name="teamId" label={t('vol.team')}>
            <Select allowClear options={(teams.data?.items ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} />
          </Form.Item>
          <Form.Item name="phone" label={t('vol.phone')}>
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
          <VolunteerExtraFields />
        </Form>
      </Modal>
    </>
  );
}
