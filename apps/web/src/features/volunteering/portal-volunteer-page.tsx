import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { isApiError } from '../../lib/api';
import { PortalFrame } from '../portal/portal-frame';
import { useLedger, useRegisterVolunteer } from './api';
import { LedgerView } from './ledger-view';
import { VolunteerOrders } from './portal-orders';
import { VolunteerExtraFields } from './volunteer-fields';

type Fields = { skills: string[]; availability?: string; consentExtra: boolean };

function RegisterForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const register = useRegisterVolunteer();
  return (
    <Form<Fields>
      layout="vertical"
      initialValues={{ skills: [], consentExtra: false }}
      data-testid="volunteer-register-form"
      onFinish={(v) =>
        register.mutate(v, { onSuccess: () => void message.success(t('vol.registered')), onError: (e) => void message.error(e.message) })
      }
    >
      <Typography.Paragraph type="secondary">{t('vol.registerHint')}</Typography.Paragraph>
      <VolunteerExtraFields size="large" />
      <Button type="primary" size="large" block htmlType="submit" loading={register.isPending} data-testid="volunteer-register">
        {t('vol.register')}
      </Button>
    </Form>
  );
}

/** /portal/volunteer: one's own hours, stars and records with the printable certificate, or the registration form. */
export default function PortalVolunteerPage() {
  const { t } = useI18n();
  const ledger = useLedger('me');
  const notYet = isApiError(ledger.error, 'NOT_FOUND');
  return (
    <PortalFrame title={t('vol.mine')} back="/portal">
      {ledger.isPending ? (
        <Skeleton active />
      ) : notYet ? (
        <RegisterForm />
      ) : ledger.error ? (
        <Alert type="error" showIcon title={ledger.error.message} />
      ) : (
        <>
          <LedgerView ledger={ledger.data} />
          <VolunteerOrders />
          <Link to="/portal/certificate">
            <Button size="large" block icon={<PrinterOutlined />} style={{ marginTop: 16 }} data-testid="open-certificate">
              {t('vol.certificate')}
            </Button>
          </Link>
        </>
      )}
    </PortalFrame>
  );
}
