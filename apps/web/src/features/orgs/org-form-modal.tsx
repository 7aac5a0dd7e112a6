import { HandlerOrgKind, type CreateHandlerOrgInput, type HandlerOrgDto } from '@linli/contracts';
import { Form, Input, Select } from 'antd';
import { useI18n } from '../../app/i18n';
import { useFormSave, useRequiredRule } from '../../lib/use-form-save';
import { FormModal } from '../../components/form-modal';
import { orgKindLabel } from '../../lib/labels';
import { AreaSelect } from '../areas/area-select';
import { createOrg, orgKeys, updateOrg } from './org-api';

type Props = { org: HandlerOrgDto | null; onClose: () => void };

/** Creates a handler organisation (org = null) or edits one; the served area is fixed once created. */
export function OrgFormModal({ org, onClose }: Props) {
  const { t, locale } = useI18n();
  const need = useRequiredRule();
  const { form, save } = useFormSave(
    (v: CreateHandlerOrgInput) => {
      const phone = v.phone?.trim() ?? '';
      return org ? updateOrg(org.id, { kind: v.kind, name: v.name, phone }) : createOrg({ ...v, phone: phone || undefined });
    },
    async (_, { message, queryClient }) => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
      message.success(t('common.saved'));
      onClose();
    },
  );
  return (
    <FormModal
      form={form}
      title={org ? t('orgs.editTitle') : t('orgs.createTitle')}
      initialValues={org ? { kind: org.kind, name: org.name, phone: org.phone ?? undefined, areaId: org.areaId } : { kind: 'property' }}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      testId="org-form"
    >
      <Form.Item name="kind" label={t('orgs.kind')} rules={[need]}>
        <Select options={HandlerOrgKind.options.map((k) => ({ value: k, label: orgKindLabel(k, locale) }))} data-testid="org-kind" />
      </Form.Item>
      <Form.Item name="name" label={t('orgs.name')} rules={[need, { max: 80 }]}>
        <Input data-testid="org-name" />
      </Form.Item>
      <Form.Item name="phone" label={t('orgs.phone')} rules={[{ max: 30 }]}>
        <Input inputMode="tel" data-testid="org-phone" />
      </Form.Item>
      <Form.Item name="areaId" label={t('orgs.area')} rules={[need]} extra={org ? undefined : t('orgs.areaHint')}>
        {org ? (
          <Select disabled options={[{ value: org.areaId, label: org.areaName }]} />
        ) : (
          <AreaSelect kinds={['street', 'community']} testId="org-area" />
        )}
      </Form.Item>
    </FormModal>
  );
}
