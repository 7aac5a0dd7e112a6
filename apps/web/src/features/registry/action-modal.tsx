import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { useFormSave } from '../../lib/use-form-save';
import { FormModal } from '../../components/form-modal';
import { refreshAfterChange } from './registry-api';

type Props<V> = {
  title: ReactNode;
  initialValues?: Partial<V>;
  /** the one API call; field issues of its ApiError land on the form's fields */
  submit: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: (form: FormInstance<V>) => ReactNode;
  danger?: boolean;
  width?: number;
  testId?: string;
};

/** A modal form for one registry change: submits, shows field-level server errors, refreshes what changed. */
export function ActionModal<V extends object>({ title, initialValues, submit, onClose, children, danger, width, testId }: Props<V>) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { form, save } = useFormSave(submit, async (_, { message }) => {
    message.success(t('action.done'));
    onClose();
    await refreshAfterChange(queryClient);
  });
  return (
    <FormModal
      form={form}
      title={title}
      width={width}
      okButtonProps={{ danger, ...{ 'data-testid': 'action-submit' } }}
      destroyOnHidden
      initialValues={initialValues}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      testId={testId}
    >
      {children(form)}
    </FormModal>
  );
}

/** Keeps dates as ISO strings in form values (what the contracts want) while the picker works with dayjs. */
export const isoDateProps = {
  getValueProps: (value?: string) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value?: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

export const today = () => dayjs().format('YYYY-MM-DD');

/** A date field that refuses future dates (moving out, a death, a move-in are all in the past or today). */
export function PastDateItem({
  name,
  label,
  required = true,
}: {
  name: string | (string | number)[];
  label: ReactNode;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: t('member.required') }] : []} {...isoDateProps}>
      <DatePicker
        style={{ width: '100%' }}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        data-testid={`date-${Array.isArray(name) ? name.join('-') : name}`}
      />
    </Form.Item>
  );
}
