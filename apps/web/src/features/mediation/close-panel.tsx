import type { MediationCaseDto } from '@linli/contracts';
import { Button, Card, Checkbox, DatePicker, Form, Input, List, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useCaseActions } from './mediation-api';

type CloseValues = { outcome: 'agreed' | 'failed' | 'withdrawn'; summary: string };
type VisitValues = { visitedOn: Dayjs; performed: boolean; notes: string };

/** Closing an open case (the result goes to its order), then return visits checking the agreement is performed. */
export function CloseAndVisitPanel({ c }: { c: MediationCaseDto }) {
  const { t } = useI18n();
  const [closeForm] = Form.useForm<CloseValues>();
  const [visitForm] = Form.useForm<VisitValues>();
  const showCloseError = useShowError(closeForm);
  const showVisitError = useShowError(visitForm);
  const { close, followUp } = useCaseActions(c.id);
  const canClose = c.abilities.includes('close');
  const canVisit = c.abilities.includes('follow_up');
  if (!canClose && !canVisit && c.followUps.length === 0) return null;
  return (
    <Card size="small" title={canClose ? t('mediation.close') : t('mediation.followUps')}>
      {canClose && (
        <Form form={closeForm} layout="vertical" onFinish={(v) => close.mutate(v, { onError: showCloseError })} data-testid="close-form">
          <Form.Item name="outcome" label={t('mediation.outcome')} rules={[{ required: true }]}>
            <Select
              data-testid="close-outcome"
              options={(['agreed', 'failed', 'withdrawn'] as const).map((o) => ({ value: o, label: t(`mediation.status.${o}`) }))}
            />
          </Form.Item>
          <Form.Item name="summary" label={t('mediation.summary')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="close-summary" />
          </Form.Item>
          <Button htmlType="submit" danger loading={close.isPending} data-testid="close-submit">
            {t('mediation.close')}
          </Button>
        </Form>
      )}
      {c.followUps.length > 0 && (
        <List
          size="small"
          dataSource={c.followUps}
          renderItem={(f) => (
            <List.Item>
              {f.visitedOn} · {f.performed ? t('mediation.performed') : '—'} · {f.notes}
            </List.Item>
          )}
        />
      )}
      {canVisit && (
        <Form
          form={visitForm}
          layout="vertical"
          initialValues={{ performed: true }}
          onFinish={(v) =>
            followUp.mutate(
              { visitedOn: v.visitedOn.format('YYYY-MM-DD'), performed: v.performed, notes: v.notes },
              { onSuccess: () => visitForm.resetFields(), onError: showVisitError },
            )
          }
        >
          <Form.Item name="visitedOn" label={t('mediation.visitedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="performed" valuePropName="checked">
            <Checkbox>{t('mediation.performed')}</Checkbox>
          </Form.Item>
          <Form.Item name="notes" label={t('mediation.notes')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button htmlType="submit" loading={followUp.isPending}>
            {t('mediation.recordFollowUp')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
