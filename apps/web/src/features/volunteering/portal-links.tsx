import { CalendarOutlined, HeartOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';

/** The portal's ways to the community's activities and to one's own volunteering (hours, certificate, registration). */
export function PortalVolunteeringLinks() {
  const { t } = useI18n();
  return (
    <>
      <Link to="/portal/activities">
        <Button size="large" block icon={<CalendarOutlined />} style={{ marginTop: 16 }} data-testid="portal-activities">
          {t('act.title')}
        </Button>
      </Link>
      <Link to="/portal/volunteer">
        <Button size="large" block icon={<HeartOutlined />} style={{ marginTop: 16 }} data-testid="portal-volunteer">
          {t('vol.mine')}
        </Button>
      </Link>
    </>
  );
}
