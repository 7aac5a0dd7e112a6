import { FlagOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PortalFrame } from '../portal/portal-frame';
import DutyPage from './duty-page';
import { useMyPosts, useOwnMembership } from './party-api';

/** An in-service member reporting here: the unit they come from, what they took on and their duty hours. */
function MyReporting() {
  const { t } = useI18n();
  const me = useOwnMembership();
  if (me.data?.registration !== 'reporting') return null;
  const m = me.data;
  return (
    <Card size="small" title={t('pm.mine')} style={{ marginBottom: 16 }} data-testid="my-reporting">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('party.member.workUnit')}>{m.workUnit ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pm.reportedOn')}>{m.reportedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pm.tookOn')}>{m.commitments ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pm.hours')}>{m.hours}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** /portal/duty: the member's posts and duty log inside the portal's frame. */
export function PortalDutyPage() {
  const { t } = useI18n();
  return (
    <PortalFrame title={t('duty.title')} back="/portal">
      <MyReporting />
      <DutyPage />
    </PortalFrame>
  );
}

/** The portal's way to "my posts", shown to registered party members only (decided by the server's answer, not a role). */
export function PortalDutyLink() {
  const { t } = useI18n();
  const mine = useMyPosts();
  if (!mine.data?.member) return null;
  return (
    <Link to="/portal/duty">
      <Button size="large" block icon={<FlagOutlined />} style={{ marginTop: 16 }} data-testid="portal-duty">
        {t('duty.title')}
      </Button>
    </Link>
  );
}
