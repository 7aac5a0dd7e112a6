import { Alert, Skeleton } from 'antd';
import { useI18n } from '../../app/i18n';
import { PortalFrame } from '../portal/portal-frame';
import { useLedger } from './api';
import { Certificate } from './certificate';

/** /portal/certificate: one's own volunteer service certificate, ready to print. */
export default function PortalCertificatePage() {
  const { t } = useI18n();
  const ledger = useLedger('me');
  return (
    <PortalFrame title={t('vol.certificate')} back="/portal/volunteer">
      {ledger.error && <Alert type="error" showIcon title={ledger.error.message} />}
      {ledger.isPending ? (
        <Skeleton active />
      ) : (
        ledger.data && <Certificate ledger={ledger.data} issuer={ledger.data.volunteer.communityName} />
      )}
    </PortalFrame>
  );
}
