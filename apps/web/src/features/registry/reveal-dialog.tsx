import { RevealField, type ResidentDto, type RevealDto } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { revealResident } from './registry-api';

type Field = (typeof RevealField.options)[number];
type Values = { fields: Field[]; reason: string };
const REASON_MIN = 4;

/**
 * Asks why, then shows the plaintext ID number and phone once. The answer lives only in this dialog's
 * state (a mutation, never a cached query), so closing it forgets the values.
 */
export function RevealDialog({ member, onClose }: { member: ResidentDto; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const [shown, setShown] = useState<RevealDto | null>(null);
  const reveal = useMutation({
    mutationFn: (v: Values) => revealResident(member.id, { fields: v.fields, reason: v.reason.trim() }),
    gcTime: 0,
    onSuccess: setShown,
    onError: showError,
  });
  const offered = RevealField.options.filter((f) => member[f] !== null);
  const label = (f: Field) => (f === 'idNumber' ? t('member.idNumber') : t('member.phone'));

  return (
    <Modal
      open
      title={t('reveal.title', { name: member.name })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        shown ? (
          <Button type="primary" onClick={onClose} data-testid="reveal-close">
            {t('reveal.close')}
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={onClose}>
              {t('common.cancel')}
            </Button>,
            <Button key="ok" type="primary" loading={reveal.isPending} onClick={() => form.submit()} data-testid="reveal-submit">
              {t('reveal.submit')}
            </Button>,
          ]
        )
      }
    >
      {shown ? (
        <div data-testid="reveal-result">
          <Alert type="warning" showIcon title={t('reveal.shownOnce')} style={{ marginBottom: 16 }} />
          <Descriptions column={1} bordered size="middle">
            {RevealField.options
              .filter((f) => f in shown)
              .map((f) => (
                <Descriptions.Item key={f} label={label(f)}>
                  <Typography.Text copyable={Boolean(shown[f])} style={{ fontSize: 18, fontVariantNumeric: 'tabular-nums' }}>
                    {shown[f] ?? t('reveal.empty')}
                  </Typography.Text>
                </Descriptions.Item>
              ))}
          </Descriptions>
        </div>
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ fields: offered, reason: '' }}
          onFinish={(v) => reveal.mutate(v)}
          data-testid="reveal-form"
        >
          <Form.Item name="fields" label={t('reveal.fields')} rules={[{ required: true, message: t('member.required') }]}>
            <Checkbox.Group options={offered.map((f) => ({ value: f, label: label(f) }))} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('reveal.reason')}
            extra={t('reveal.reasonHint')}
            rules={[
              { required: true, whitespace: true, message: t('member.required') },
              { min: REASON_MIN, message: t('reveal.reasonMin', { n: REASON_MIN }) },
              { max: 200 },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} autoFocus data-testid="reveal-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
