import { ACTIVITY_KIND_LABELS, type ActivityDto } from '@linli/contracts';
import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';

const when = (a: ActivityDto, locale: string) => {
  const fmt = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' });
  const end = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  return `${fmt.format(new Date(a.startsAt))} – ${end.format(new Date(a.endsAt))}`;
};

/** One activity as a card: kind, title, time, place, places taken and the viewer's own sign-up. */
export function ActivityCard({ a, children }: { a: ActivityDto; children?: ReactNode }) {
  const { t, locale } = useI18n();
  const mine = a.mySignup;
  return (
    <Card size="small" data-testid="activity-card" data-activity={a.id} style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong style={{ fontSize: '1.1em' }}>
          {a.title}
        </Typography.Text>
        <Tag color={a.kind === 'volunteer_service' ? 'red' : 'blue'}>{ACTIVITY_KIND_LABELS[a.kind][locale]}</Tag>
      </Flex>
      <div>{when(a, locale)}</div>
      <Typography.Text type="secondary">
        {a.place} · {a.organiser}
      </Typography.Text>
      <Flex gap={8} wrap style={{ margin: '6px 0' }}>
        <Tag data-testid="activity-places">{t('act.places', { confirmed: a.confirmed, capacity: a.capacity })}</Tag>
        {a.waitlisted > 0 && <Tag color="orange">{t('act.waitlisted', { n: a.waitlisted })}</Tag>}
        {a.status !== 'open' && <Tag>{t(`act.status.${a.status}`)}</Tag>}
        {mine && (
          <Tag color={mine.status === 'confirmed' ? 'green' : 'orange'} data-testid="my-signup" data-status={mine.status}>
            {mine.checkedIn ? t('act.mine.checkedIn') : t(`act.mine.${mine.status === 'waitlisted' ? 'waitlisted' : 'confirmed'}`)}
          </Tag>
        )}
      </Flex>
      {children}
    </Card>
  );
}
