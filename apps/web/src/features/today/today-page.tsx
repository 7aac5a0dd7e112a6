import { localDate } from '@linli/contracts';
import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { OrderCardList } from '../orders/order-cards';
import { useOrders } from '../orders/order-api';
import { useMyPosts } from '../party/party-api';
import { HouseholdCard } from '../registry/household-card';
import { useOverdueVisits } from '../visits/visit-api';
import { PhoneReveal } from './phone-reveal';
import { VisitDueCard } from './visit-due-card';
import './today.css';

const VISITS_SHOWN = 20;
const ORDERS_SHOWN = 5;

/** Visits due today or overdue, never-visited first (the server's order), with recording and the phone at hand. */
function VisitsToday() {
  const { t } = useI18n();
  const visits = useOverdueVisits({ dueWithinDays: 1, pageSize: VISITS_SHOWN });
  const [recording, setRecording] = useState<string | null>(null);
  const [calling, setCalling] = useState<string | null>(null);
  const today = localDate();
  const items = visits.data?.items ?? [];
  return (
    <Card size="small" title={t('today.visits')} extra={<Tag>{visits.data?.total ?? 0}</Tag>} data-testid="today-visits">
      {visits.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={t('today.visitsEmpty')} />
      ) : (
        <Flex vertical gap={10}>
          {items.map((i) => (
            <VisitDueCard
              key={i.household.id}
              item={i}
              today={today}
              onRecord={() => setRecording(i.household.id)}
              onPhone={() => setCalling(i.household.id)}
            />
          ))}
          {(visits.data?.total ?? 0) > items.length && (
            <Link to="/visits/overdue">{t('today.visitsMore', { n: visits.data?.total ?? 0 })}</Link>
          )}
        </Flex>
      )}
      <HouseholdCard householdId={recording} open={recording !== null} onClose={() => setRecording(null)} />
      {calling && <PhoneReveal householdId={calling} onClose={() => setCalling(null)} />}
    </Card>
  );
}

/** The open orders of the user's area, newest first. */
function OrdersToday() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useOrders({ view: 'all', status: 'open', page, pageSize: ORDERS_SHOWN });
  return (
    <Card size="small" title={t('today.orders')} extra={<Link to="/orders">{t('today.ordersMore')}</Link>} data-testid="today-orders">
      <OrderCardList list={list} page={page} pageSize={ORDERS_SHOWN} onPage={setPage} emptyText={t('today.ordersEmpty')} />
    </Card>
  );
}

/** The duties of the posts the user holds (岗位职责). */
function DutiesToday() {
  const { t } = useI18n();
  const posts = useMyPosts();
  const held = posts.data?.holdings ?? [];
  return (
    <Card size="small" title={t('today.duties')} data-testid="today-duties">
      {posts.isPending ? (
        <Skeleton active />
      ) : held.length === 0 ? (
        <Typography.Text type="secondary">{t('today.dutiesEmpty')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {held.map((p) => (
            <div key={p.id}>
              <Typography.Text strong>
                {p.title} · {p.area.name}
              </Typography.Text>
              <Typography.Paragraph style={{ margin: 0 }}>{p.duties}</Typography.Paragraph>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** 今日工作: a grid worker's or building leader's day on one phone page. */
export default function TodayPage() {
  const { t } = useI18n();
  const canReadOrders = useCan('orders.read');
  return (
    <>
      <PageTitle>{t('today.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('today.intro')}</Typography.Paragraph>
      <Flex vertical gap={16} className="today-page">
        <VisitsToday />
        {canReadOrders && <OrdersToday />}
        <DutiesToday />
      </Flex>
    </>
  );
}
