import type { OrderDto } from '@linli/contracts';
import { Alert, Card, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { isApiError } from '../../lib/api';
import { useCatalogue, useOrder, useTimeline } from '../orders/order-api';
import { ResidentStatusTag, ResidentTimeline } from './resident-status';
import { CommentBox } from './comment-box';
import { ReasonAction } from './order-actions';
import { describeFieldValue } from './order-draft';
import { PortalFrame } from './portal-frame';
import { RatePanel } from './rate-panel';
import { ResidentClock } from './resident-clock';

function Summary({ order }: { order: OrderDto }) {
  const { t } = useI18n();
  const catalogue = useCatalogue();
  const service = catalogue.data?.categories.flatMap((c) => c.services).find((s) => s.id === order.service.id);
  const fieldItems = order.fieldLabels
    .filter((f) => order.fields[f.code] !== undefined)
    .map((f) => {
      const value = order.fields[f.code]!;
      const def = service?.fields.find((d) => d.code === f.code);
      return { key: f.code, label: f.label, children: def ? describeFieldValue(def, value) : [value].flat().join('、') };
    });
  return (
    <Card size="small" data-testid="portal-order">
      <Flex vertical gap={8}>
        <Flex wrap gap={6} align="center">
          <Typography.Text strong style={{ fontSize: '1.2em' }}>
            {order.service.name}
          </Typography.Text>
          <ResidentStatusTag status={order.status} />
          {order.service.emergency && <Tag color="red">{t('orders.emergency')}</Tag>}
        </Flex>
        <ResidentClock clock={order.clock} />
        {order.mergedInto && (
          <Alert
            type="info"
            showIcon
            title={
              <Link to={`/portal/orders/${order.mergedInto.id}`}>{t('portal.order.mergedInto', { no: order.mergedInto.orderNo })}</Link>
            }
          />
        )}
        {order.rating && (
          <Typography.Text data-testid="portal-rating">
            {t('portal.order.yourRating', { rating: t(`orders.rating.${order.rating}`) })}
            {order.ratingReasons.length > 0 && ` · ${order.ratingReasons.join('、')}`}
          </Typography.Text>
        )}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{order.description}</Typography.Paragraph>
        <Descriptions
          column={1}
          size="small"
          items={[
            ...fieldItems,
            { key: 'place', label: t('portal.order.place'), children: order.place },
            ...(order.handlerOrg ? [{ key: 'handler', label: t('portal.order.handler'), children: order.handlerOrg.name }] : []),
            { key: 'no', label: t('portal.order.no'), children: order.orderNo },
            { key: 'at', label: t('portal.order.placedAt'), children: dayjs(order.placedAt).format('YYYY-MM-DD HH:mm') },
          ]}
        />
      </Flex>
    </Card>
  );
}

/** One order for its resident: status and clock in plain words, what they can do now, what happened, a message box. */
export default function OrderPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const order = useOrder(id);
  const timeline = useTimeline(id);
  if (order.isPending)
    return (
      <PortalFrame title={t('portal.order.title')} back="/portal/orders">
        <Skeleton active />
      </PortalFrame>
    );
  if (order.error)
    return (
      <PortalFrame title={t('portal.order.title')} back="/portal/orders">
        <Result
          status={isApiError(order.error, 'NOT_FOUND') ? '404' : 'error'}
          title={isApiError(order.error, 'NOT_FOUND') ? t('portal.order.notFound') : order.error.message}
        />
      </PortalFrame>
    );
  const dto = order.data;
  const can = (e: OrderDto['abilities']['events'][number]) => dto.abilities.events.includes(e);
  return (
    <PortalFrame title={t('portal.order.title')} back="/portal/orders">
      <Flex vertical gap={16}>
        <Summary order={dto} />
        {can('confirm') && <RatePanel order={dto} />}
        {can('contest') && <ReasonAction order={dto} kind="contest" />}
        <Card title={t('portal.order.progress')} size="small">
          {timeline.error && <Alert type="error" showIcon title={timeline.error.message} />}
          {timeline.isPending ? <Skeleton active /> : <ResidentTimeline items={timeline.data ?? []} />}
        </Card>
        {dto.abilities.canComment && <CommentBox orderId={dto.id} />}
        {can('withdraw') && <ReasonAction order={dto} kind="withdraw" />}
      </Flex>
    </PortalFrame>
  );
}
