import { FlagOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PortalFrame } from '../portal/portal-frame';
import DutyPage from './duty-page';
import { useMyPosts } from './party-api';

/** /portal/duty: the member's posts and duty log inside the portal's frame. */
export function PortalDutyPage() {
  const { t } = useI18n();
  return (
    <PortalFrame title={t('duty.title')} back="/portal">
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
