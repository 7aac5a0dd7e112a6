import {
  ServiceCategoryCode,
  type ServiceDto,
  ServiceInput,
  type ServiceField,
  TIME_LIMIT_PRESETS,
  type TimeLimits,
} from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Drawer, Flex, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useOrgList } from '../orgs/org-api';
import { catalogueKeys, createService, updateService } from './catalogue-api';
import { FieldsEditor, LIST_TYPES } from './fields-editor';
import { PRESET_NAMES } from './time-limits';

type FormValues = Omit<ServiceInput, 'streetId'>;
const LIMIT_KEYS: readonly (keyof TimeLimits)[] = ['dispatchMinutes', 'acceptMinutes', 'handleHours', 'confirmHours', 'closeHours'];

/** List options go only with list fields; the server rejects them elsewhere. */
const cleanFields = (fields: ServiceField[] = []) =>
  fields.map((f) => ({ ...f, options: LIST_TYPES.includes(f.type) ? (f.options ?? []) : [] }));

/** The drawer in which editors add or change a service: basics, default handler, time limits with presets, fields. */
export function ServiceEditor({
  service,
  street,
  category,
  categoryNames,
  onClose,
}: {
  service: ServiceDto | null;
  street: { id: string; name: string };
  category: ServiceCategoryCode;
  categoryNames: Record<string, string>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const showError = useShowError(form);
  const orgs = useOrgList({ areaId: street.id });
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body = { ...v, fields: cleanFields(v.fields), defaultHandlerOrgId: v.defaultHandlerOrgId ?? null };
      if (service) {
        const { code: _code, ...patch } = body;
        return updateService(service.id, patch);
      }
      return createService({ ...body, streetId: street.id });
    },
    onSuccess: async () => {
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
      onClose();
    },
    onError: showError,
  });
  const initial: Partial<FormValues> = service
    ? { ...service, defaultHandlerOrgId: service.defaultHandlerOrgId }
    : { category, timeLimits: TIME_LIMIT_PRESETS.general, emergency: false, active: true, fields: [], keywords: [], description: '' };
  const applyPreset = (name: keyof typeof TIME_LIMIT_PRESETS) => {
    form.setFieldsValue({ timeLimits: TIME_LIMIT_PRESETS[name], ...(name === 'emergency' ? { emergency: true } : {}) });
  };
  return (
    <Drawer
      open
      width={720}
      title={service ? t('catalogue.editTitle', { name: service.name }) : t('catalogue.createTitle')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="service-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} data-testid="service-form">
        <Flex gap={12} wrap>
          <Form.Item
            name="code"
            label={t('catalogue.code')}
            extra={t('catalogue.codeHint')}
            rules={[{ required: true }]}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Input disabled={Boolean(service)} data-testid="service-code" />
          </Form.Item>
          <Form.Item name="category" label={t('catalogue.category')} rules={[{ required: true }]} style={{ width: 180 }}>
            <Select options={ServiceCategoryCode.options.map((c) => ({ value: c, label: categoryNames[c] ?? c }))} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="name" label={t('catalogue.name')} rules={[{ required: true, max: 40 }]} style={{ flex: 1, minWidth: 200 }}>
            <Input data-testid="service-name" />
          </Form.Item>
          <Form.Item name="emergency" label={t('catalogue.emergency')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="active" label={t('catalogue.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('catalogue.description')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="service-description" />
        </Form.Item>
        <Form.Item name="keywords" label={t('catalogue.keywords')}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.Item name="defaultHandlerOrgId" label={t('catalogue.defaultHandler')} extra={t('catalogue.byPlaceHint')}>
          <Select
            allowClear
            loading={orgs.isLoading}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: `${o.name} · ${o.areaName}` }))}
          />
        </Form.Item>
        <Divider titlePlacement="start">{t('catalogue.timeLimits')}</Divider>
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{t('catalogue.preset')}</span>
          {PRESET_NAMES.map((p) => (
            <Button key={p} size="small" onClick={() => applyPreset(p)} data-testid={`preset-${p}`}>
              {t(`catalogue.preset.${p}`)}
            </Button>
          ))}
        </Space>
        <Flex gap={12} wrap>
          {LIMIT_KEYS.map((k) => (
            <Form.Item key={k} name={['timeLimits', k]} label={t(`catalogue.${k}`)} rules={[{ required: true }]} style={{ width: 200 }}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid={`limit-${k}`} />
            </Form.Item>
          ))}
        </Flex>
        <Divider titlePlacement="start">{t('catalogue.fields')}</Divider>
        <FieldsEditor />
      </Form>
    </Drawer>
  );
}
