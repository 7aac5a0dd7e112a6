import type { OrderEvent, OrderListItem } from '@linli/contracts';
import { App, Button, Card, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useMoveOrder } from './order-api';
import { OrderClock } from './order-clock';
import { StatusTag } from './status-tag';

/** Accepting and starting need no words: one click. Every other move opens its form. */
const FORWARD: readonly OrderEvent[] = ['accept', 'start', 'handle'];
const isOneClick = (e: OrderEvent): e is 'accept' | 'start' => e === 'accept' || e === 'start';

type Props = { order: OrderListItem; onMove: (event: OrderEvent) => void };

/** One order on the handler's workbench: what, where, the clock, and the moves the server says the user may make now. */
export function WorkbenchCard({ order: o, onMove }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const move = useMoveOrder(o.id);
  const showError = useShowError();
  const allowed = o.abilities.events;
  const events = [...allowed.filter((e) => FORWARD.includes(e)), ...allowed.filter((e) => !FORWARD.includes(e))];
  const click = (event: OrderEvent) => {
    if (!isOneClick(event)) return onMove(event);
    move.mutate(
      { event },
      { onSuccess: () => void message.success(t('orders.moved', { event: t(`orders.event.${event}`) })), onError: showError },
    );
  };
  return (
    <Card
      size="small"
      data-testid="workbench-card"
      data-status={o.status}
      className={o.clock.overdue ? 'order-card-overdue' : o.service.emergency ? 'order-card-emergency' : undefined}
      title={
        <Flex wrap gap={6} align="center">
          <Link to={`/orders/${o.id}`}>{o.orderNo}</Link>
          <StatusTag status={o.status} />
          {o.service.emergency && <Tag color="red">{t('orders.emergency')}</Tag>}
        </Flex>
      }
      extra={<Typography.Text type="secondary">{o.service.name}</Typography.Text>}
    >
      <Flex vertical gap={8}>
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: o.description }} style={{ margin: 0 }}>
          {o.description}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {o.place} · {dayjs(o.placedAt).format('MM-DD HH:mm')}
        </Typography.Text>
        <Flex wrap gap={4}>
          <OrderClock clock={o.clock} />
          {o.extensionPending && <Tag color="purple">{t('orders.extensionPending')}</Tag>}
          {o.reworkCount > 0 && <Tag>{t('orders.rework', { n: o.reworkCount })}</Tag>}
        </Flex>
        {events.length > 0 && (
          <Flex wrap gap={8}>
            {events.map((e) => (
              <Button
                key={e}
                size="small"
                type={isOneClick(e) || e === 'handle' ? 'primary' : 'default'}
                danger={e === 'return'}
                loading={move.isPending && move.variables?.event === e}
                onClick={() => click(e)}
                data-testid={`wb-${e}`}
              >
                {t(`orders.event.${e}`)}
              </Button>
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
