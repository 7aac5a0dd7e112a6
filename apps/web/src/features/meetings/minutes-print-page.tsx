import { PrinterOutlined } from '@ant-design/icons';
import { INVITEE_ROLE_LABELS, MEETING_KIND_LABELS } from '@linli/contracts';
import { Alert, Button, Flex, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useDocumentTitle } from '../../components/page-title';
import { useMeeting } from './meetings-api';
import '../mediation/mediation.css';

/** 会议纪要 on A4: time, place, attendance, agenda, minutes, decisions and what became of them, signature lines. */
export default function MinutesPrintPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const m = useMeeting(id);
  const kind = m.data ? MEETING_KIND_LABELS[m.data.kind][locale] : '';
  useDocumentTitle(m.data ? t('meetings.print.heading', { kind }) : null);
  if (m.isPending) return <Skeleton active />;
  if (m.isError) return <Alert type="error" message={m.error.message} />;
  const d = m.data;
  const away = d.invitees.filter((i) => i.attendance === 'absent' || i.attendance === 'excused');
  return (
    <>
      <Flex gap={8} className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
          {t('meetings.print')}
        </Button>
      </Flex>
      <article className="agreement-sheet" data-testid="minutes-sheet">
        <header>
          <h1>{t('meetings.print.heading', { kind })}</h1>
          <p className="agreement-no">{d.title}</p>
        </header>
        <p>
          {t('meetings.startsAt')}：{dayjs(d.startsAt).format('YYYY-MM-DD HH:mm')}
          {'\u3000'}
          {t('meetings.place')}：{d.place}
        </p>
        <p>{t('meetings.print.attendance', { invited: d.invited, present: d.present })}</p>
        <p>
          {d.invitees
            .filter((i) => i.attendance === 'present')
            .map((i) => `${i.name}（${INVITEE_ROLE_LABELS[i.role][locale]}）`)
            .join('、')}
        </p>
        {away.length > 0 && (
          <p>{t('meetings.print.absentees', { names: away.map((i) => `${i.name}（${t(`meetings.${i.attendance}`)}）`).join('、') })}</p>
        )}
        <section>
          <h2>{t('meetings.agenda')}</h2>
          {d.agenda.map((a, i) => (
            <p key={i}>
              {i + 1}. {a}
            </p>
          ))}
        </section>
        <section>
          <h2>{t('meetings.minutes')}</h2>
          <p>{d.minutes}</p>
        </section>
        <section>
          <h2>{t('meetings.decisions')}</h2>
          {d.decisionList.map((x) => (
            <p key={x.id}>
              {x.position}. {x.text}
              {x.outcome
                ? `（${t(`meetings.outcome.${x.outcome}`)}：${x.orders.map((o) => o.orderNo).join('、') || x.mediation?.caseNo || x.tasks.map((k) => k.title).join('；')}）`
                : ''}
            </p>
          ))}
        </section>
        <footer className="agreement-signatures">
          <p className="signature-line">{t('meetings.print.host')}</p>
          <p className="signature-line">{t('meetings.print.recorder')}</p>
          <div className="agreement-seal">
            <p>{t('meetings.print.seal', { community: d.communityName })}</p>
            <p>{dayjs(d.startsAt).format('YYYY-MM-DD')}</p>
          </div>
        </footer>
      </article>
    </>
  );
}
