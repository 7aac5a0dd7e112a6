import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ServiceFieldType } from '@linli/contracts';
import { Button, Card, Checkbox, Flex, Form, Input, Select, Space } from 'antd';
import { useI18n } from '../../app/i18n';

export const LIST_TYPES: readonly string[] = ['singlevaluelist', 'multivaluelist'];

/** Options of one list field: key and shown name per row. */
function OptionsEditor({ field }: { field: number }) {
  const { t } = useI18n();
  return (
    <Form.List name={[field, 'options']}>
      {(rows, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          {rows.map((row) => (
            <Flex key={row.key} gap={8}>
              <Form.Item name={[row.name, 'key']} rules={[{ required: true }]} style={{ marginBottom: 0, width: 120 }}>
                <Input placeholder={t('catalogue.optionKey')} />
              </Form.Item>
              <Form.Item name={[row.name, 'name']} rules={[{ required: true }]} style={{ marginBottom: 0, flex: 1 }}>
                <Input placeholder={t('catalogue.optionName')} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('common.delete')} />
            </Flex>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({ key: '', name: '' })} data-testid={`field-${field}-add-option`}>
            {t('catalogue.addOption')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** The custom fields of a service: code, label, type, required, hint, and options for the list types. */
export function FieldsEditor() {
  const { t } = useI18n();
  return (
    <Form.List name="fields">
      {(rows, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {rows.map((row) => (
            <Card
              key={row.key}
              size="small"
              data-testid={`field-${row.name}`}
              extra={
                <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('common.delete')} />
              }
            >
              <Flex gap={8} wrap>
                <Form.Item name={[row.name, 'code']} label={t('catalogue.fieldCode')} rules={[{ required: true }]} style={{ width: 150 }}>
                  <Input data-testid={`field-${row.name}-code`} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'label']}
                  label={t('catalogue.fieldLabel')}
                  rules={[{ required: true }]}
                  style={{ flex: 1, minWidth: 160 }}
                >
                  <Input data-testid={`field-${row.name}-label`} />
                </Form.Item>
                <Form.Item name={[row.name, 'type']} label={t('catalogue.fieldType')} rules={[{ required: true }]} style={{ width: 140 }}>
                  <Select options={ServiceFieldType.options.map((v) => ({ value: v, label: t(`catalogue.type.${v}`) }))} />
                </Form.Item>
                <Form.Item name={[row.name, 'required']} valuePropName="checked" label={t('catalogue.fieldRequired')}>
                  <Checkbox />
                </Form.Item>
              </Flex>
              <Form.Item name={[row.name, 'hint']} label={t('catalogue.fieldHint')}>
                <Input />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  LIST_TYPES.includes(getFieldValue(['fields', row.name, 'type'])) && (
                    <Form.Item label={t('catalogue.options')} style={{ marginBottom: 0 }}>
                      <OptionsEditor field={row.name} />
                    </Form.Item>
                  )
                }
              </Form.Item>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ code: '', label: '', type: 'string', required: false, hint: '', options: [] })}
            data-testid="field-add"
          >
            {t('catalogue.addField')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
