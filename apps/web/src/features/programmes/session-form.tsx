import type { EnrolmentDto } from '@linli/contracts';
import { Button, Card, Checkbox, DatePicker, Empty, Flex, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n';
import { useFormSave, useRequiredRule } from '../../lib/use-form-save';
import { recordSession } from './programmes-api';

type Values = { heldOn: Dayjs; title?: string; attendees: string[] };

/** A session held, with attendance ticked from the enrolled list: big checkboxes for a phone. */
export function SessionForm({ programmeId, enrolled }: { programmeId: string; enrolled: EnrolmentDto[] }) {
  const { t } = useI18n();
  const required = useRequiredRule();
  const { form, save } = useFormSave(
    (v: Values) => recordSession(programmeId, { heldOn: v.heldOn.format('YYYY-MM-DD'), title: v.title ?? '', attendees: v.attendees }),
    async (s, { message, queryClient }) => {
      await queryClient.invalidateQueries({ queryKey: ['programmes'] });
      form.resetFields();
      void message.success(t('programmes.sessionSaved', { n: s.attended }));
    },
  );
  return (
    <Card size="small" title={t('programmes.recordSession')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ heldOn: dayjs(), attendees: [] }}
        onFinish={(v: Values) => save.mutate(v)}
        data-testid="session-form"
      >
        <Form.Item name="heldOn" label={t('programmes.heldOn')} rules={[required]}>
          <DatePicker size="large" style={{ width: '100%' }} inputReadOnly data-testid="session-date" />
        </Form.Item>
        <Form.Item name="title" label={t('programmes.sessionTitle')}>
          <Input size="large" maxLength={100} data-testid="session-title" />
        </Form.Item>
        <Form.Item name="attendees" label={t('programmes.attendance')}>
          {enrolled.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programmes.noneEnrolled')} />
          ) : (
            <Checkbox.Group style={{ width: '100%' }} data-testid="session-attendees">
              <Flex vertical gap={8} style={{ width: '100%' }}>
                {enrolled.map((e) => (
                  <Checkbox key={e.id} value={e.id} className="programme-attendee">
                    {e.residentName}
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          )}
        </Form.Item>
        <Button type="primary" size="large" block htmlType="submit" loading={save.isPending} data-testid="session-save">
          {t('programmes.saveSession')}
        </Button>
      </Form>
    </Card>
  );
}
