import { CareTagAppliesTo, type CareTagDto, type CareTagInput } from '@linli/contracts';
import { ColorPicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Color } from 'antd/es/color-picker';
import { useI18n } from '../../app/i18n';
import { useFormSave } from '../../lib/use-form-save';
import { FormModal } from '../../components/form-modal';
import { careTagKeys, putCareTag } from './care-tag-api';
import { careTagLabel, isValidCustomCode } from './care-tag-model';

type Values = Required<Omit<CareTagInput, 'visitEveryDays'>> & { code: string; visitEveryDays?: number | null };

type Props = { tag: CareTagDto | null; taken: readonly string[]; communityId: string; onClose: () => void };

/** Edits a tag's label, colour, target, visit frequency and state, or adds a custom tag (tag = null). */
export function CareTagFormModal({ tag, taken, communityId, onClose }: Props) {
  const { t, locale } = useI18n();
  const { form, save } = useFormSave(
    ({ code, visitEveryDays, ...rest }: Values) => putCareTag(code, { ...rest, visitEveryDays: visitEveryDays ?? null }, communityId),
    async (_, { message, queryClient }) => {
      message.success(t('common.saved'));
      onClose();
      await queryClient.invalidateQueries({ queryKey: careTagKeys.all });
    },
  );
  const need = { required: true, message: t('member.required') };
  const initial: Partial<Values> = tag
    ? { ...tag }
    : { code: '', labelZh: '', labelEn: '', color: '#1677ff', appliesTo: 'person', visitEveryDays: null, active: true };

  return (
    <FormModal
      form={form}
      title={tag ? t('tags.editTitle', { name: careTagLabel(tag, locale) }) : t('tags.addTitle')}
      destroyOnHidden
      initialValues={initial}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      testId="care-tag-form"
    >
      <Form.Item
        name="code"
        label={t('tags.code')}
        extra={tag ? undefined : t('tags.codeHint')}
        rules={
          tag
            ? []
            : [
                need,
                {
                  validator: (_, v?: string) =>
                    !v || isValidCustomCode(v, taken) ? Promise.resolve() : Promise.reject(new Error(t('tags.codeTaken'))),
                },
              ]
        }
      >
        <Input disabled={Boolean(tag)} data-testid="care-tag-code" />
      </Form.Item>
      <Form.Item name="labelZh" label={t('tags.labelZh')} rules={[need, { max: 20 }]}>
        <Input data-testid="care-tag-label-zh" />
      </Form.Item>
      <Form.Item name="labelEn" label={t('tags.labelEn')} rules={[need, { max: 40 }]}>
        <Input data-testid="care-tag-label-en" />
      </Form.Item>
      <Form.Item name="color" label={t('tags.color')} getValueFromEvent={(c: Color) => c.toHexString()}>
        <ColorPicker disabledAlpha showText />
      </Form.Item>
      <Form.Item name="appliesTo" label={t('tags.appliesTo')}>
        <Select options={CareTagAppliesTo.options.map((v) => ({ value: v, label: t(`tags.appliesTo.${v}`) }))} />
      </Form.Item>
      <Form.Item name="visitEveryDays" label={t('tags.visitEvery')} extra={t('tags.visitHint')}>
        <InputNumber min={1} max={366} suffix={t('tags.days')} style={{ width: 160 }} data-testid="care-tag-visit-days" />
      </Form.Item>
      <Form.Item name="active" label={t('tags.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
