import type { SignupDto } from '@linli/contracts';
import { Alert, App, Button, Card, Flex, InputNumber, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { ActivityCard } from './activity-card';
import { useActivity, useCheckIn, useCheckOut, useHoldActivity, useSignups } from './api';

function RosterRow({ activityId, s, open }: { activityId: string; s: SignupDto; open: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const checkIn = useCheckIn();
  const checkOut = useCheckOut();
  const fail = (e: Error) => void message.error(e.message);
  return (
    <List.Item data-testid="roster-row" data-status={s.status}>
      <Flex justify="space-between" align="center" style={{ width: '100%' }} gap={8}>
        <span>
          {s.displayName} {s.isVolunteer && <Tag color="red">{t('act.volunteer')}</Tag>}
          {s.waitlistPosition && <Tag color="orange">{t('act.waitPos', { n: s.waitlistPosition })}</Tag>}
          {s.checkedInAt && <Tag color="green">{t('act.mine.checkedIn')}</Tag>}
        </span>
        {open && s.status === 'confirmed' && !s.checkedInAt && (
          <Button
            size="large"
            type="primary"
            data-testid="roster-check-in"
            loading={checkIn.isPending}
            onClick={() => checkIn.mutate({ id: activityId, signupId: s.id }, { onError: fail })}
          >
            {t('act.checkIn')}
          </Button>
        )}
        {open && s.checkedInAt && !s.checkedOutAt && (
          <Button
            size="large"
            data-testid="roster-check-out"
            loading={checkOut.isPending}
            onClick={() => checkOut.mutate({ id: activityId, signupId: s.id }, { onError: fail })}
          >
            {t('act.checkOut')}
          </Button>
        )}
      </Flex>
    </List.Item>
  );
}

/** /volunteering/activities/:id: the organiser's phone — the check-in code in large type, the roster, marking it held. */
export default function ActivityPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const activity = useActivity(id);
  const manages = activity.data?.abilities.includes('manage') ?? false;
  const signups = useSignups(manages ? id : '');
  const hold = useHoldActivity();
  const [served, setServed] = useState<number | null>(null);
  if (activity.isPending) return <Skeleton active />;
  if (activity.error) return <Alert type="error" showIcon title={activity.error.message} />;
  const a = activity.data;
  const open = a.status === 'open';
  return (
    <>
      <PageTitle>{a.title}</PageTitle>
      <ActivityCard a={a} />
      {a.checkinCode && open && (
        <Card size="small" style={{ textAlign: 'center', marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('act.code')}</Typography.Text>
          <div style={{ fontSize: 56, fontWeight: 700, letterSpacing: 8, lineHeight: 1.2 }} data-testid="checkin-code-display">
            {a.checkinCode}
          </div>
          <Typography.Text type="secondary">{t('act.codeHint')}</Typography.Text>
        </Card>
      )}
      {manages && (
        <Card size="small" title={t('act.roster')} style={{ marginBottom: 12 }}>
          <List
            dataSource={signups.data?.items ?? []}
            loading={signups.isPending}
            renderItem={(s) => <RosterRow activityId={a.id} s={s} open={open} />}
          />
        </Card>
      )}
      {manages && open && (
        <Flex gap={8} align="center" wrap>
          <span data-testid="hold-served">
            <InputNumber
              style={{ width: 160 }}
              size="large"
              min={0}
              placeholder={t('act.peopleServed')}
              value={served}
              onChange={setServed}
            />
          </span>
          <Button
            size="large"
            type="primary"
            danger
            disabled={served === null}
            loading={hold.isPending}
            data-testid="hold-submit"
            onClick={() =>
              hold.mutate(
                { id: a.id, peopleServed: served ?? 0 },
                { onSuccess: () => void message.success(t('act.holdDone')), onError: (e) => void message.error(e.message) },
              )
            }
          >
            {t('act.hold')}
          </Button>
        </Flex>
      )}
    </>
  );
}
