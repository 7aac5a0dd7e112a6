import { type CreateWebhookInput, type CreatedWebhook, WEBHOOK_EVENT_KINDS } from '@linli/contracts';
import { Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useFormSave, useRequiredRule } from '../../lib/use-form-save';
import { FormModal } from '../../components/form-modal';
import { useAreaList } from '../areas/area-api';
import { AreaSelect } from '../areas/area-select';
import { eventKindLabel } from './event-labels';
import { createWebhook, webhookKeys } from './webhook-api';
import { SecretOnceModal } from '../../components/secret-once-modal';

const DEFAULT_EVENTS: CreateWebhookInput['events'] = ['place', 'dispatch', 'handle', 'close', 'overdue', 'escalate'];

/** Creates a webhook; after saving, shows its signing secret once with a copy button. */
export function WebhookFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const need = useRequiredRule();
  const [made, setMade] = useState<CreatedWebhook | null>(null);
  const { form, save } = useFormSave(createWebhook, async (hook, { queryClient }) => {
    setMade(hook);
    await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
  });
  const tops = (useAreaList({}).data ?? []).filter((a) => a.kind === 'street' || a.kind === 'district');
  // the one street or district in scope comes chosen, also when the area list arrives after the form has mounted
  const only = tops.length === 1 ? tops[0]!.id : undefined;
  useEffect(() => {
    if (only && !form.getFieldValue('areaId')) form.setFieldsValue({ areaId: only });
  }, [form, only]);
  if (made)
    return (
      <SecretOnceModal
        title={t('webhooks.secretTitle')}
        warning={t('webhooks.secretOnce')}
        secret={made.secret}
        doneLabel={t('webhooks.done')}
        onClose={onClose}
        testId="webhook-secret"
      />
    );
  return (
    <FormModal
      form={form}
      title={t('webhooks.createTitle')}
      okText={t('webhooks.create')}
      initialValues={{ events: DEFAULT_EVENTS, areaId: only }}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      testId="webhook-form"
    >
      <Form.Item name="name" label={t('webhooks.name')} rules={[need, { max: 60 }]}>
        <Input data-testid="webhook-name" />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('webhooks.url')}
        rules={[need, { type: 'url', message: t('webhooks.urlHint') }]}
        extra={t('webhooks.urlHint')}
      >
        <Input placeholder="https://example.org/linli-hook" data-testid="webhook-url" />
      </Form.Item>
      <Form.Item name="areaId" label={t('webhooks.area')} rules={[need]} extra={t('webhooks.areaHint')}>
        <AreaSelect kinds={['street', 'district']} known={tops} testId="webhook-area" />
      </Form.Item>
      <Form.Item name="events" label={t('webhooks.events')} rules={[need]}>
        <Select
          mode="multiple"
          // typing 结案 finds 结案: search the labels people read, not the event codes behind them
          showSearch={{ optionFilterProp: 'label' }}
          options={WEBHOOK_EVENT_KINDS.map((k) => ({ value: k, label: t(eventKindLabel(k)) }))}
          data-testid="webhook-events"
        />
      </Form.Item>
    </FormModal>
  );
}
