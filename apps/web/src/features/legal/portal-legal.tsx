import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PortalFrame } from '../portal/portal-frame';
import { RosterCard } from './roster-card';

/** /portal/legal: the legal service center and its lawyers on duty, for residents. */
export function PortalLegalPage() {
  const { t } = useI18n();
  return (
    <PortalFrame title={t('legal.roster')} back="/portal">
      <RosterCard />
    </PortalFrame>
  );
}

/** The portal's way to the duty roster. */
export function PortalLegalLink() {
  const { t } = useI18n();
  return (
    <Link to="/portal/legal">
      <Button size="large" block icon={<SafetyCertificateOutlined />} style={{ marginTop: 16 }} data-testid="portal-legal">
        {t('legal.portalLink')}
      </Button>
    </Link>
  );
}
