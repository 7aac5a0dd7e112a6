import { VisitKind, VISIT_KIND_LABELS } from '@linli/contracts';
import { Button, DatePicker, Flex, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n';
import { useFormSave } from '../../lib/use-form-save';
import { registryKeys } from '../registry/registry-api';
import { recordVisit, visitKeys } from './visit-api';

type Values = { visitedOn: Dayjs; kind: VisitKind; notes?: string; needs?: string[] };

/** The record-a-visit form, made for a phone: large controls, today by default, needs typed as tags. */
export function VisitForm({ householdId, onDone }: { householdId: string; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { form, save } = useFormSave(
    (v: Values) =>
      recordVisit(householdId, { visitedOn: v.visitedOn.format('YYYY-MM-DD'), kind: v.kind, notes: v.notes ?? '', needs: v.needs ?? [] }),
    async (_, { message, queryClient }) => {
      message.success(t('visits.saved'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: visitKeys.all }),
        queryClient.invalidateQueries({ queryKey: registryKeys.household(householdId) }),
      ]);
      onDone();
    },
  );
  const endOfToday = dayjs().endOf('day');
  return (
    <Form
      form={form}
      layout="vertical"
      size="large"
      initialValues={{ visitedOn: dayjs(), kind: 'home', needs: [] }}
      onFinish={(v) => save.mutate(v)}
      data-testid="visit-form"
    >
      <Form.Item
        name="visitedOn"
        label={t('visits.visitedOn')}
        rules={[
          { required: true, message: t('login.required') },
          {
            validator: (_, v?: Dayjs) =>
              v && v.isAfter(endOfToday) ? Promise.reject(new Error(t('visits.futureDate'))) : Promise.resolve(),
          },
        ]}
      >
        <DatePicker
          style={{ width: '100%' }}
          allowClear={false}
          inputReadOnly
          disabledDate={(d) => d.isAfter(endOfToday)}
          data-testid="visit-date"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('visits.kind')} rules={[{ required: true, message: t('login.required') }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          block
          options={VisitKind.options.map((k) => ({ value: k, label: VISIT_KIND_LABELS[k][locale] }))}
          data-testid="visit-kind"
        />
      </Form.Item>
      <Form.Item name="notes" label={t('visits.notes')} rules={[{ max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('visits.notesPlaceholder')} data-testid="visit-notes" />
      </Form.Item>
      <Form.Item name="needs" label={t('visits.needs')} extra={t('visits.needsHint')}>
        <Select
          mode="tags"
          open={false}
          suffixIcon={null}
          tokenSeparators={[',', '，', '、']}
          placeholder={t('visits.needsPlaceholder')}
          maxCount={20}
          data-testid="visit-needs"
        />
      </Form.Item>
      <Flex gap={12}>
        <Button onClick={onDone} block>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} block data-testid="visit-submit">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
