import type { ActivityDto } from '@linli/contracts';
import { Alert, App, Button, Empty, Flex, Input, Skeleton } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PortalFrame } from '../portal/portal-frame';
import { ActivityCard } from './activity-card';
import { useActivities, useCancelSignup, useCheckIn, useSignUp } from './api';

function Actions({ a }: { a: ActivityDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const signUp = useSignUp();
  const cancel = useCancelSignup();
  const checkIn = useCheckIn();
  const [code, setCode] = useState('');
  const fail = (e: Error) => void message.error(e.message);
  return (
    <Flex vertical gap={8}>
      {a.abilities.includes('check_in') && (
        <Flex gap={8}>
          <Input
            size="large"
            inputMode="numeric"
            maxLength={6}
            placeholder={t('act.enterCode')}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            data-testid="checkin-code"
          />
          <Button
            size="large"
            type="primary"
            disabled={code.length !== 6}
            loading={checkIn.isPending}
            data-testid="checkin-submit"
            onClick={() => checkIn.mutate({ id: a.id, code }, { onError: fail })}
          >
            {t('act.checkIn')}
          </Button>
        </Flex>
      )}
      {a.abilities.includes('sign_up') && (
        <Button
          size="large"
          type="primary"
          block
          loading={signUp.isPending}
          data-testid="activity-sign-up"
          onClick={() => signUp.mutate(a.id, { onError: fail })}
        >
          {t('act.signUp')}
        </Button>
      )}
      {a.abilities.includes('cancel') && (
        <Button
          size="large"
          block
          loading={cancel.isPending}
          data-testid="activity-cancel"
          onClick={() => cancel.mutate({ id: a.id }, { onError: fail })}
        >
          {t('act.cancel')}
        </Button>
      )}
    </Flex>
  );
}

/** /portal/activities: the community's activities; sign up (or join the waitlist), cancel, check in with the code. */
export default function PortalActivitiesPage() {
  const { t } = useI18n();
  const list = useActivities({ pageSize: 30 });
  const items = (list.data?.items ?? []).filter((a) => a.status === 'open');
  return (
    <PortalFrame title={t('act.title')} back="/portal">
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {list.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={t('act.none')} />
      ) : (
        items.map((a) => (
          <ActivityCard key={a.id} a={a}>
            <Actions a={a} />
          </ActivityCard>
        ))
      )}
    </PortalFrame>
  );
}
