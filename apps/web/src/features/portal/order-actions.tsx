import { RollbackOutlined, StopOutlined } from '@ant-design/icons';
import type { OrderDto } from '@linli/contracts';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useMoveOrder } from '../orders/order-api';

type Kind = 'contest' | 'withdraw';
type ReasonForm = { reason?: string };

const WORDS: Record<
  Kind,
  { button: MessageKey; title: MessageKey; hint: MessageKey; label: MessageKey; ok: MessageKey; done: MessageKey }
> = {
  contest: {
    button: 'portal.order.contest',
    title: 'portal.order.contestTitle',
    hint: 'portal.order.contestHint',
    label: 'portal.order.contestReason',
    ok: 'portal.order.contestSubmit',
    done: 'portal.order.contested',
  },
  withdraw: {
    button: 'portal.order.withdraw',
    title: 'portal.order.withdrawTitle',
    hint: 'portal.order.withdrawHint',
    label: 'portal.order.withdrawReason',
    ok: 'portal.order.withdrawOk',
    done: 'portal.order.withdrawn',
  },
};

/**
 * A move that needs a second thought: "问题没解决" (contest, a reason required, sends the order back) or
 * withdrawing (reason optional). A button, then a dialog that says what will happen.
 */
export function ReasonAction({ order, kind }: { order: OrderDto; kind: Kind }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ReasonForm>();
  const showError = useShowError(form);
  const move = useMoveOrder(order.id);
  const words = WORDS[kind];
  const handleOk = () =>
    form
      .validateFields()
      .then(({ reason }) => {
        const text = reason?.trim() ?? '';
        const input =
          kind === 'contest'
            ? ({ event: 'contest', version: order.version, reason: text } as const)
            : ({ event: 'withdraw', version: order.version, reason: text || undefined } as const);
        move.mutate(input, {
          onSuccess: () => {
            setOpen(false);
            void message.success(t(words.done));
          },
          onError: showError,
        });
      })
      .catch(() => undefined);
  return (
    <>
      <Button
        size="large"
        block
        danger
        icon={kind === 'contest' ? <RollbackOutlined /> : <StopOutlined />}
        onClick={() => setOpen(true)}
        data-testid={`portal-${kind}`}
      >
        {t(words.button)}
      </Button>
      <Modal
        open={open}
        title={t(words.title)}
        okText={t(words.ok)}
        okButtonProps={{ danger: true, size: 'large', loading: move.isPending, 'data-testid': `portal-${kind}-ok` }}
        cancelButtonProps={{ size: 'large' }}
        onOk={() => void handleOk()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t(words.hint)}</Typography.Paragraph>
        <Form form={form} layout="vertical" size="large">
          <Form.Item
            name="reason"
            label={t(words.label)}
            rules={kind === 'contest' ? [{ required: true, whitespace: true, min: 2, message: t('portal.new.required') }] : []}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid={`portal-${kind}-reason`} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
