import type { OrderDto, OrderEvent, OrderStatus } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, type ButtonProps } from 'antd';
import { useI18n } from '../../app/i18n';
import { isApiError } from '../../lib/api';
import { useShowError } from '../../lib/form-errors';
import { MoveFields } from './move-fields';
import { refreshOrders, useMoveOrder, type OrderMove } from './order-api';

export type MoveTarget = { id: string; orderNo: string; status: OrderStatus; version?: number };

type Props = {
  order: MoveTarget;
  event: OrderEvent;
  /** staff recording a resident's answer on a return visit (回访) */
  isStaff?: boolean;
  onClose: () => void;
  /** the order as the move left it, e.g. to keep it in view on a work list */
  onMoved?: (order: OrderDto) => void;
};

/** One move in a small form; sends the order's `version` so a stale screen gets 409 and reloads instead of acting twice. */
export function MoveModal({ order, event, isStaff = true, onClose, onMoved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const move = useMoveOrder(order.id);
  const queryClient = useQueryClient();
  const showError = useShowError(form);
  const label = t(`orders.event.${event}`);

  const handleFinish = (values: Record<string, unknown>) => {
    const input = { ...values, event, version: order.version } as OrderMove;
    move.mutate(input, {
      onSuccess: (moved) => {
        void message.success(t('orders.moved', { event: label }));
        onMoved?.(moved);
        onClose();
      },
      onError: (err) => {
        if (isApiError(err, 'CONFLICT') || isApiError(err, 'INVALID_TRANSITION')) {
          void refreshOrders(queryClient);
          void message.warning(`${err.message} ${t('orders.move.stale')}`);
          onClose();
          return;
        }
        showError(err);
      },
    });
  };

  return (
    <Modal
      open
      title={t('orders.move.title', { event: label, no: order.orderNo })}
      okText={label}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'move-submit', danger: event === 'withdraw' || event === 'return' } as ButtonProps}
      data-testid="move-modal"
    >
      <Form
        form={form}
        onFinish={handleFinish}
        layout="vertical"
        requiredMark
        preserve={false}
        initialValues={{ reasons: [], attachmentIds: [] }}
      >
        <MoveFields orderId={order.id} status={order.status} event={event} isStaff={isStaff} />
      </Form>
    </Modal>
  );
}
