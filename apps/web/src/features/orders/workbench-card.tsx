import type { OrderDto, OrderEvent, OrderListItem } from '@linli/contracts';
import { App, Button, Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { nextStep } from './next-step';
import { useMoveOrder } from './order-api';
import { OrderFlags, OrderGist } from './order-cards';
import { StatusTag } from './status-tag';

/** Accepting and starting need no words: one click. Every other move opens its form. */
const FORWARD: readonly OrderEvent[] = ['accept', 'start', 'handle'];
const isOneClick = (e: OrderEvent): e is 'accept' | 'start' => e === 'accept' || e === 'start';

type Props = {
  order: OrderListItem;
  onMove: (event: OrderEvent) => void;
  /** the order as a one-click move left it */
  onMoved?: (order: OrderDto) => void;
  /** just moved by this user: kept in view and marked */
  kept?: boolean;
};

/** The next step of the order in words, under its buttons. */
function NextStepLine({ order }: { order: OrderListItem }) {
  const { t } = useI18n();
  const step = nextStep(order);
  const text = step.kind === 'event' ? t(`orders.next.${step.event}`) : t(`orders.next.${step.key}`);
  return (
    <Typography.Text data-testid="wb-next" type={step.kind === 'event' ? undefined : 'secondary'}>
      {t('orders.next.title')}：{text}
    </Typography.Text>
  );
}

/** One order on the handler's workbench: what, where, the clock, the next step and the moves the server allows now. */
export function WorkbenchCard({ order: o, onMove, onMoved, kept }: Props) {
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
      {
        onSuccess: (dto) => {
          void message.success(t('orders.moved', { event: t(`orders.event.${event}`) }));
          onMoved?.(dto);
        },
        onError: showError,
      },
    );
  };
  const tone = o.clock.overdue ? 'order-card-overdue' : o.service.emergency ? 'order-card-emergency' : '';
  return (
    <Card
      size="small"
      data-testid="workbench-card"
      data-status={o.status}
      data-order-no={o.orderNo}
      data-kept={kept ? 'true' : undefined}
      className={[tone, kept ? 'order-card-kept' : ''].join(' ')}
      title={
        <Flex wrap gap={6} align="center">
          <Link to={`/orders/${o.id}`} className="order-card-no">
            {o.orderNo}
          </Link>
          <StatusTag status={o.status} />
          {o.service.emergency && <Tag color="red">{t('orders.emergency')}</Tag>}
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        {kept && <Tag color="blue">{t('orders.kept')}</Tag>}
        <OrderGist order={o} />
        <OrderFlags order={o} />
        <NextStepLine order={o} />
        {events.length > 0 && (
          <Flex wrap gap={8}>
            {events.map((e) => (
              <Button
                key={e}
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
