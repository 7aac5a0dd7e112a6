import type { ServiceField } from '@linli/contracts';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n';

type ControlProps = { field: ServiceField; value?: unknown; onChange?: (v: unknown) => void; id?: string };

/** One custom field of a service, by its Open311 type; Form.Item's value/onChange/id are passed through. */
function FieldControl({ field, ...bound }: ControlProps) {
  const options = field.options.map((o) => ({ value: o.key, label: o.name }));
  const props = bound as Record<string, never>;
  switch (field.type) {
    case 'number':
      return <InputNumber style={{ width: 200 }} {...props} />;
    case 'text':
      return <Input.TextArea rows={2} maxLength={1000} {...props} />;
    case 'singlevaluelist':
      return <Select options={options} allowClear {...props} />;
    case 'multivaluelist':
      return <Select mode="multiple" options={options} allowClear {...props} />;
    case 'datetime':
      return <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" {...props} />;
    default:
      return <Input maxLength={200} {...props} />;
  }
}

/** The service's own fields, with required marks; datetimes go to the server as ISO text. */
export function CustomFields({ fields }: { fields: readonly ServiceField[] }) {
  const { t } = useI18n();
  return (
    <>
      {fields.map((f) => (
        <Form.Item
          key={f.code}
          name={['fields', f.code]}
          label={f.label}
          extra={f.hint || undefined}
          rules={f.required ? [{ required: true, message: t('orders.intake.fieldRequired', { label: f.label }) }] : []}
          data-testid={`field-${f.code}`}
          {...(f.type === 'datetime'
            ? {
                getValueProps: (v: unknown) => ({ value: typeof v === 'string' ? dayjs(v) : undefined }),
                normalize: (d: Dayjs | null) => d?.toISOString(),
              }
            : {})}
        >
          <FieldControl field={f} />
        </Form.Item>
      ))}
    </>
  );
}
