import type { ServiceField } from '@linli/contracts';
import { Checkbox, Form, Input, InputNumber, Radio } from 'antd';
import type { ReactElement } from 'react';
import { useI18n } from '../../app/i18n';

/** The input element for a field type; Form.Item clones it with the value, the change handler and the id. */
function fieldControl(field: ServiceField): ReactElement {
  switch (field.type) {
    case 'number':
      return <InputNumber size="large" inputMode="decimal" style={{ width: '100%' }} />;
    case 'datetime':
      // The phone's own date-time wheel is easier for older hands than a calendar popup.
      return <Input size="large" type="datetime-local" />;
    case 'text':
      return <Input.TextArea rows={3} maxLength={1000} />;
    case 'singlevaluelist':
      return (
        <Radio.Group size="large" optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {field.options.map((o) => (
            <Radio.Button key={o.key} value={o.key} style={{ borderRadius: 8, borderInlineStartWidth: 1 }}>
              {o.name}
            </Radio.Button>
          ))}
        </Radio.Group>
      );
    case 'multivaluelist':
      return (
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          {field.options.map((o) => (
            <Checkbox key={o.key} value={o.key}>
              {o.name}
            </Checkbox>
          ))}
        </Checkbox.Group>
      );
    default:
      return <Input size="large" maxLength={200} />;
  }
}

/** One custom field of a service (Open311 attribute) as a form item named `fields.<code>`, required ones marked. */
export function ServiceFieldItem({ field }: { field: ServiceField }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={['fields', field.code]}
      label={field.label}
      extra={field.hint || undefined}
      rules={field.required ? [{ required: true, message: t('portal.new.required') }] : []}
    >
      {fieldControl(field)}
    </Form.Item>
  );
}
