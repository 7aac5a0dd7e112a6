import type { LedgerDto } from '@linli/contracts';
import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../../app/i18n';
import './certificate.css';

/**
 * 志愿服务证明: the fields the record rules ask for — the volunteer, total certified hours, each service record (date,
 * service, place, hours, organiser), who recorded them, the issuer and the date. Prints on one A4 page.
 */
export function Certificate({ ledger, issuer }: { ledger: LedgerDto; issuer: string }) {
  const { t, locale } = useI18n();
  const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' });
  const records = ledger.items.filter((h) => h.status === 'verified');
  return (
    <div className="certificate" data-testid="certificate">
      <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="certificate-print">
        {t('vol.print')}
      </Button>
      <h1>{t('cert.title')}</h1>
      <p className="cert-body">{t('cert.body', { name: ledger.volunteer.name, hours: ledger.verifiedHours, stars: ledger.stars })}</p>
      <table>
        <thead>
          <tr>
            <th>{t('vol.date')}</th>
            <th>{t('vol.activity')}</th>
            <th>{t('act.place')}</th>
            <th>{t('vol.hours')}</th>
            <th>{t('cert.recorder')}</th>
          </tr>
        </thead>
        <tbody>
          {records.slice(0, 20).map((h) => (
            <tr key={h.id}>
              <td>{day.format(new Date(h.startsAt))}</td>
              <td>{h.content}</td>
              <td>{h.place ?? ''}</td>
              <td>{h.hours}</td>
              <td>{h.organiser}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {records.length > 20 && <p>… {records.length - 20}</p>}
      <p className="cert-rules">{t('cert.rules')}</p>
      <div className="cert-sign">
        <div>
          {t('cert.issuer')}：{issuer}
        </div>
        <div>
          {t('cert.date')}：{day.format(new Date())}
        </div>
      </div>
    </div>
  );
}
