import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton } from 'antd';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useDocumentTitle } from '../../components/page-title';
import { TERM_KEYS } from './agreement-panel';
import { useCase } from './mediation-api';
import './mediation.css';

/** 人民调解协议书 on A4 for signing: the parties, the five matters the rules ask for, signature lines and the seal. */
export default function AgreementPrintPage() {
  const { id = '', agreementId = '' } = useParams();
  const { t } = useI18n();
  const c = useCase(id);
  useDocumentTitle(c.data ? `${t('mediation.print.heading')} ${c.data.caseNo}` : null);
  if (c.isPending) return <Skeleton active />;
  if (c.isError) return <Alert type="error" message={c.error.message} />;
  const a = c.data.agreements.find((x) => x.id === agreementId);
  if (!a) return <Alert type="error" message={t('mediation.notFound')} />;
  const parties = c.data.parties;
  return (
    <>
      <Flex gap={8} className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
          {t('mediation.print')}
        </Button>
      </Flex>
      <article className="agreement-sheet" data-testid="agreement-sheet" data-status={a.status}>
        <header>
          <h1>{t('mediation.print.heading')}</h1>
          <p className="agreement-no">{t('mediation.print.no', { no: `${c.data.caseNo}-${a.version}` })}</p>
        </header>
        <section>
          <h2>{t('mediation.parties')}</h2>
          {parties.map((p) => (
            <p key={p.id}>
              {t(`mediation.${p.side}`)}：{p.name}
              {p.address ? `，${p.address}` : ''}
            </p>
          ))}
        </section>
        {TERM_KEYS.map((k) => (
          <section key={k}>
            <h2>{t(`mediation.terms.${k}`)}</h2>
            <p>{a.terms[k]}</p>
          </section>
        ))}
        <p>{t('mediation.print.copies', { n: parties.length + 1 })}</p>
        <p>{t('mediation.print.judicial')}</p>
        <footer className="agreement-signatures">
          <p>{t('mediation.print.signatures')}</p>
          {parties.map((p) => (
            <p key={p.id} className="signature-line">
              {p.name}：
            </p>
          ))}
          <p className="signature-line">{t('mediation.print.mediator')}</p>
          <div className="agreement-seal">
            <p>{t('mediation.print.committee', { community: c.data.communityName })}</p>
            <p>{t('mediation.print.seal')}</p>
            <p>{t('mediation.print.date')}</p>
          </div>
        </footer>
      </article>
    </>
  );
}
