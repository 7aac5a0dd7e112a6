import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FlatDto } from '@linli/contracts';
import { Alert, Button, Card, Flex, Form, InputNumber, Space, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useFormSave, useRequiredRule } from '../../lib/use-form-save';
import { areaKeys, putLayout } from './area-api';
import { countPlannedFlats, flatsToPlan, planToInput, type UnitPlan } from './layout-model';

type Values = { units: UnitPlan[] };
const NEW_UNIT: UnitPlan = { unitNo: 1, fromFloor: 1, toFloor: 6, flatsPerFloor: 2, overrides: [] };

type Props = { buildingId: string; flats: readonly FlatDto[]; open: boolean; onClose: () => void };

/** Sets per unit the floor range and flats per floor, with per-floor exceptions; saved with PUT /api/areas/:id/layout. */
export function LayoutEditor({ buildingId, flats, open, onClose }: Props) {
  const { t } = useI18n();
  const need = useRequiredRule();
  const { form, save } = useFormSave(
    (v: Values) => putLayout(buildingId, planToInput(v.units)),
    async (layout, { message, queryClient }) => {
      queryClient.setQueryData(areaKeys.layout(buildingId), layout);
      await queryClient.invalidateQueries({ queryKey: areaKeys.all });
      message.success(t('common.saved'));
      onClose();
    },
  );
  const units = Form.useWatch('units', form) ?? [];
  const planned = units.every((u) => u && Number.isFinite(u.fromFloor) && Number.isFinite(u.toFloor)) ? countPlannedFlats(units) : 0;
  const initial: Values = { units: flats.length ? flatsToPlan(flats) : [NEW_UNIT] };

  return (
    <FormModal
      form={form}
      title={t('layout.editorTitle')}
      open={open}
      width={760}
      destroyOnHidden
      forceRender
      initialValues={initial}
      onSave={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      testId="layout-editor"
    >
      <Alert type="info" showIcon title={t('layout.basementHint')} style={{ marginBottom: 12 }} />
      <Form.List name="units">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                title={t('layout.unit', { n: units[field.name]?.unitNo ?? '' })}
                extra={
                  fields.length > 1 && (
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                      {t('layout.removeUnit')}
                    </Button>
                  )
                }
              >
                <Flex wrap gap={12}>
                  <Form.Item
                    name={[field.name, 'unitNo']}
                    label={t('layout.unitNo')}
                    rules={[
                      need,
                      {
                        validator: (_, v: number) =>
                          units.filter((u) => u?.unitNo === v).length > 1
                            ? Promise.reject(new Error(t('layout.duplicateUnit')))
                            : Promise.resolve(),
                      },
                    ]}
                  >
                    <InputNumber min={1} max={20} precision={0} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'fromFloor']} label={t('layout.fromFloor')} rules={[need]}>
                    <InputNumber min={-3} max={120} precision={0} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'toFloor']}
                    label={t('layout.toFloor')}
                    dependencies={[['units', field.name, 'fromFloor']]}
                    rules={[
                      need,
                      ({ getFieldValue }) => ({
                        validator: (_, v: number) =>
                          v >= getFieldValue(['units', field.name, 'fromFloor'])
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('layout.rangeInvalid'))),
                      }),
                    ]}
                  >
                    <InputNumber min={-3} max={120} precision={0} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'flatsPerFloor']} label={t('layout.flatsPerFloor')} rules={[need]}>
                    <InputNumber min={0} max={40} precision={0} />
                  </Form.Item>
                </Flex>
                <Typography.Text type="secondary">{t('layout.overrides')}</Typography.Text>
                <Form.List name={[field.name, 'overrides']}>
                  {(rows, ops) => (
                    <>
                      {rows.map((row) => (
                        <Flex key={row.key} gap={8} align="baseline">
                          <Form.Item name={[row.name, 'floorNo']} rules={[need]}>
                            <InputNumber min={-3} max={120} precision={0} prefix={t('layout.overrideFloor')} />
                          </Form.Item>
                          <Form.Item name={[row.name, 'flats']} rules={[need]}>
                            <InputNumber min={0} max={40} precision={0} prefix={t('layout.overrideFlats')} />
                          </Form.Item>
                          <Button
                            type="text"
                            icon={<DeleteOutlined />}
                            onClick={() => ops.remove(row.name)}
                            aria-label={t('common.delete')}
                          />
                        </Flex>
                      ))}
                      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => ops.add({ floorNo: 1, flats: 0 })}>
                        {t('layout.addOverride')}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ ...NEW_UNIT, unitNo: Math.max(0, ...units.map((u) => u?.unitNo ?? 0)) + 1 })}
            >
              {t('layout.addUnit')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 0 }} data-testid="layout-preview">
        {t('layout.preview', { flats: planned, units: units.length })}
      </Typography.Paragraph>
    </FormModal>
  );
}
