import { Button, DatePicker, Flex, Form, Input, InputNumber, List, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useDutyLogs, useLogDuty } from './party-api';

type LogForm = { on: Dayjs; hours: number; content: string };

/** A holding's duty log (履职记录) with the form to add to it; one column, so it works on a 360 px phone. */
export function DutyLogPanel({ holderId, canLog }: { holderId: string; canLog: boolean }) {
  const { t } = useI18n();
  const logs = useDutyLogs(holderId);
  const add = useLogDuty();
  const [form] = Form.useForm<LogForm>();
  const showError = useShowError(form);
  return (
    <Flex vertical gap={12} data-testid="duty-log">
      {canLog && (
        <Form<LogForm>
          form={form}
          layout="vertical"
          initialValues={{ on: dayjs(), hours: 1 }}
          onFinish={(v) =>
            add.mutate(
              { holderId, on: v.on.format('YYYY-MM-DD'), hours: v.hours, content: v.content },
              { onSuccess: () => form.resetFields(['content']), onError: showError },
            )
          }
        >
          <Flex gap={8} wrap>
            <Form.Item name="on" label={t('posts.logDate')} rules={[{ required: true }]} style={{ flex: '1 1 140px', marginBottom: 8 }}>
              <DatePicker inputReadOnly style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="hours" label={t('posts.logHours')} rules={[{ required: true }]} style={{ flex: '1 1 100px', marginBottom: 8 }}>
              <InputNumber min={0.5} max={16} step={0.5} inputMode="decimal" style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item name="content" label={t('posts.logContent')} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={add.isPending} data-testid="duty-log-save">
            {t('posts.logSave')}
          </Button>
        </Form>
      )}
      <Typography.Text type="secondary">{t('posts.logTotal', { hours: logs.data?.totalHours ?? 0 })}</Typography.Text>
      <List
        size="small"
        loading={logs.isLoading}
        dataSource={logs.data?.items ?? []}
        renderItem={(l) => (
          <List.Item>
            <List.Item.Meta title={`${l.on} · ${l.hours} h`} description={l.content} />
          </List.Item>
        )}
      />
    </Flex>
  );
}
