import { type CreateSocialWorkerInput, SOCIAL_WORKER_QUALIFICATION_LABELS, SocialWorkerQualification } from '@linli/contracts';
import { Form, Input, Select } from 'antd';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useFormSave, useRequiredRule } from '../../lib/use-form-save';
import { addSocialWorker } from './programmes-api';

type Values = Omit<CreateSocialWorkerInput, 'certificateNo'> & { certificateNo?: string };

/** Registers a social worker of an organisation with their qualification (社会工作者职业水平) and certificate. */
export function WorkerFormModal({ org, onClose }: { org: { id: string; name: string }; onClose: () => void }) {
  const { t, locale } = useI18n();
  const required = useRequiredRule();
  const { form, save } = useFormSave(
    (v: Values) => addSocialWorker(org.id, { ...v, certificateNo: v.certificateNo?.trim() || null }),
    async (_w, { queryClient }) => {
      await queryClient.invalidateQueries({ queryKey: ['social-orgs'] });
      onClose();
    },
  );
  return (
    <FormModal
      form={form}
      title={t('programmes.addWorker', { org: org.name })}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      testId="worker-form"
      initialValues={{ qualification: 'none' }}
    >
      <Form.Item name="name" label={t('programmes.workerName')} rules={[required]}>
        <Input maxLength={50} data-testid="worker-name" />
      </Form.Item>
      <Form.Item name="qualification" label={t('programmes.qualification')} rules={[required]}>
        <Select
          data-testid="worker-qualification"
          options={SocialWorkerQualification.options.map((q) => ({ value: q, label: SOCIAL_WORKER_QUALIFICATION_LABELS[q][locale] }))}
        />
      </Form.Item>
      <Form.Item name="certificateNo" label={t('programmes.certificateNo')}>
        <Input maxLength={40} data-testid="worker-certificate" />
      </Form.Item>
    </FormModal>
  );
}
