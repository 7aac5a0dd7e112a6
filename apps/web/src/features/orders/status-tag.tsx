import { ORDER_STATUS_LABELS, type OrderStatus } from '@linli/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n';

export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  placed: 'orange',
  dispatched: 'gold',
  accepted: 'cyan',
  in_progress: 'blue',
  handled: 'geekblue',
  confirmed: 'purple',
  closed: 'green',
  suspended: 'default',
  merged: 'default',
  withdrawn: 'default',
};

/** An order's status (待派单, 处理中 …) in its colour; `label` gives other words (the resident portal's). */
export function StatusTag({ status, label }: { status: OrderStatus; label?: string }) {
  const { locale } = useI18n();
  return (
    <Tag color={ORDER_STATUS_COLORS[status]} data-testid="order-status" data-status={status}>
      {label ?? ORDER_STATUS_LABELS[status][locale]}
    </Tag>
  );
}
