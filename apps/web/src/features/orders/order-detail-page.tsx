import type { OrderEvent } from '@linli/contracts';
import { Alert, Button, Card, Col, Flex, Grid, Result, Row, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { isApiError } from '../../lib/api';
import { CommentBox } from './comment-box';
import { MoveModal } from './move-modal';
import { OrderActions } from './order-actions';
import { useOrder, useTimeline } from './order-api';
import { OrderClock } from './order-clock';
import { OrderDeadlines, OrderFacts } from './order-facts';
import { OrderTimeline } from './order-timeline';
import { StatusTag } from './status-tag';

/** One order for staff: facts, the clock and deadlines, the moves the user may make, the timeline and comments. */
export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const canRead = useCan('orders.read');
  const canHandle = useCan('orders.handle');
  const canMediate = useCan('mediation.use');
  const isStaff = canRead || canHandle;
  const order = useOrder(id);
  const timeline = useTimeline(id);
  const [event, setEvent] = useState<OrderEvent | null>(null);
  const isWide = Grid.useBreakpoint().lg === true;

  if (order.isPending) return <Skeleton active />;
  if (order.isError) {
    return isApiError(order.error, 'NOT_FOUND') ? (
      <Result status="404" title={t('orders.detail.notFound')} />
    ) : (
      <Alert type="error" showIcon message={order.error.message} />
    );
  }
  const o = order.data;
  // on a phone the handler's buttons come first, not below the whole timeline (and no empty card when there are none)
  const actions = (
    <Card size="small" title={t('orders.detail.actions')}>
      <OrderActions events={o.abilities.events} onPick={setEvent} />
    </Card>
  );
  return (
    <>
      <PageTitle>{o.orderNo}</PageTitle>
      <Flex wrap gap={8} align="center" style={{ marginTop: -8, marginBottom: 16 }} data-testid="order-header">
        <StatusTag status={o.status} />
        {o.service.emergency && <Tag color="red">{t('orders.emergency')}</Tag>}
        <span>{o.service.name}</span>
        {o.clock.stage && <OrderClock clock={o.clock} />}
        {canMediate && (
          <Link to={`/mediation/new?orderId=${o.id}`}>
            <Button size="small" data-testid="order-open-mediation">
              {t('mediation.fromOrderAction')}
            </Button>
          </Link>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            {!isWide && o.abilities.events.length > 0 && actions}
            <Card size="small" title={t('orders.detail.facts')}>
              <OrderFacts order={o} />
            </Card>
            <Card size="small" title={t('orders.detail.timeline')}>
              {timeline.isPending ? <Skeleton active /> : <OrderTimeline items={timeline.data ?? []} />}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            {isWide && actions}
            <Card size="small" title={t('orders.detail.clock')}>
              <Flex vertical gap={8}>
                <OrderClock clock={o.clock} />
                <OrderDeadlines order={o} />
              </Flex>
            </Card>
            {o.abilities.canComment && (
              <Card size="small" title={t('orders.comment.title')}>
                <CommentBox orderId={o.id} canInternal={o.abilities.canCommentInternal} />
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
      {event && <MoveModal order={o} event={event} isStaff={isStaff} onClose={() => setEvent(null)} />}
    </>
  );
}
