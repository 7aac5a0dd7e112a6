import { ORDER_STATUS_LABELS, type VolunteerOrderDto, type VolunteerOrdersDto } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { moveOrder } from '../orders/order-api';
import { useGiveBackOrder, useHandOrder, useVolunteerOrders } from './api';

const NEXT: Partial<Record<VolunteerOrderDto['status'], 'accept' | 'start' | 'handle'>> = {
  dispatched: 'accept',
  accepted: 'start',
  in_progress: 'handle',
};

/** The leader's hand-over: one of the roster with an account on the team. */
function HandOver({ order, roster }: { order: VolunteerOrderDto; roster: VolunteerOrdersDto['roster'] }) {
  const { t } = useI18n();
  const hand = useHandOrder();
  const current = roster.find((r) => r.userId === order.handlerUserId)?.volunteerId;
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text type="secondary">{t('vorder.handTo')}</Typography.Text>
      <Select
        value={current}
        onChange={(volunteerId: string) => hand.mutate({ id: order.id, volunteerId })}
        options={roster.map((r) => ({ value: r.volunteerId, label: r.name }))}
        loading={hand.isPending}
        style={{ minWidth: 140, flex: 1 }}
        data-testid={`vorder-hand-${order.orderNo}`}
      />
    </Flex>
  );
}

/** The volunteer's own next move on an order handed to them: accept, start, then report it done. */
function MyMove({ order }: { order: VolunteerOrderDto }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const next = NEXT[order.status];
  const move = useMutation({
    mutationFn: () => moveOrder(order.id, next === 'handle' ? { event: 'handle', note, attachmentIds: [] } : { event: next! }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['volunteering'] }),
  });
  if (!next) return null;
  return (
    <Flex vertical gap={8}>
      {move.error && <Alert type="error" showIcon title={move.error.message} />}
      {next === 'handle' && (
        <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('vorder.note')} maxLength={1000} />
      )}
      <Button
        type="primary"
        size="large"
        block
        loading={move.isPending}
        disabled={next === 'handle' && note.trim().length < 2}
        onClick={() => move.mutate()}
        data-testid={`vorder-${next}-${order.orderNo}`}
      >
        {t(`vorder.${next}`)}
      </Button>
    </Flex>
  );
}

/** The handed volunteer cannot do it after all: back to the team leader (never to the desk), with the reason. */
function GiveBack({ order }: { order: VolunteerOrderDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const giveBack = useGiveBackOrder();
  const [reason, setReason] = useState<string | null>(null);
  if (reason === null)
    return (
      <Button danger block onClick={() => setReason('')} data-testid={`vorder-give-back-${order.orderNo}`}>
        {t('vorder.giveBack')}
      </Button>
    );
  const handleGiveBack = () => giveBack.mutate({ id: order.id, reason }, { onSuccess: () => void message.success(t('vorder.givenBack')) });
  return (
    <Flex vertical gap={8}>
      {giveBack.error && <Alert type="error" showIcon title={giveBack.error.message} />}
      <Input.TextArea
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('vorder.giveBackReason')}
        maxLength={500}
        data-testid={`vorder-give-back-reason-${order.orderNo}`}
      />
      <Flex gap={8}>
        <Button onClick={() => setReason(null)}>{t('vorder.cancel')}</Button>
        <Button
          danger
          type="primary"
          style={{ flex: 1 }}
          disabled={reason.trim().length < 2}
          loading={giveBack.isPending}
          onClick={handleGiveBack}
          data-testid={`vorder-give-back-ok-${order.orderNo}`}
        >
          {t('vorder.giveBackOk')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** 红管家工单 in the volunteer's portal place: what they were handed, and for the team leader the team's to hand on. */
export function VolunteerOrders() {
  const { t, locale } = useI18n();
  const userId = useSession().user.id;
  const orders = useVolunteerOrders();
  const data = orders.data;
  if (!data?.team) return null;
  const label = (s: VolunteerOrderDto['status']) => ORDER_STATUS_LABELS[s][locale];
  return (
    <Card size="small" title={t('vorder.team', { team: data.team.name })} style={{ marginTop: 16 }} data-testid="volunteer-orders">
      {data.isLeader && <Typography.Paragraph type="secondary">{t('vorder.leaderHint')}</Typography.Paragraph>}
      {data.items.length === 0 && <Empty description={t('vorder.none')} />}
      <Flex vertical gap={12}>
        {data.items.map((o) => (
          <Card key={o.id} size="small" data-testid="volunteer-order">
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{o.orderNo}</Typography.Text>
              <Tag color={o.status === 'dispatched' ? 'red' : 'blue'}>{label(o.status)}</Tag>
            </Flex>
            <Typography.Paragraph style={{ margin: '4px 0' }}>{o.description}</Typography.Paragraph>
            <Typography.Text type="secondary">{o.address}</Typography.Text>
            {o.handlerName && (
              <div>
                {t('vorder.handler')}: {o.handlerName}
              </div>
            )}
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {o.canHand && <HandOver order={o} roster={data.roster} />}
              {o.handlerUserId === userId && <MyMove order={o} />}
              {o.canGiveBack && <GiveBack order={o} />}
            </Flex>
          </Card>
        ))}
      </Flex>
    </Card>
  );
}
