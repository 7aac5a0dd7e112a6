import { DashboardOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Spin } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { reportPath } from './period';
import { useWorkReport, workReportXlsxUrl } from './report-api';
import { FiguresTable, ValuesTable } from './report-tables';
import { ReportToolbar } from './report-toolbar';
import { useReportParams } from './use-report-params';
import './report.css';

/** 工作报告: one area's figures for a period on an A4 page, with its comparison across child areas and its months. */
export default function WorkReportPage() {
  const { t } = useI18n();
  const { area, preset, request, set } = useReportParams();
  const report = useWorkReport(request);
  const r = report.data;
  return (
    <div className="work-report-page">
      <ReportToolbar area={area} preset={preset} onChange={set}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!r} data-testid="report-print">
          {t('reports.print')}
        </Button>
        {request && (
          <Button icon={<DownloadOutlined />} href={workReportXlsxUrl(request)} download data-testid="report-export">
            {t('reports.export')}
          </Button>
        )}
        {area && (
          <Link to={reportPath('/dashboard', area, preset)}>
            <DashboardOutlined /> {t('menu.dashboard')}
          </Link>
        )}
      </ReportToolbar>
      {!area && <Empty description={t('reports.noArea')} />}
      {report.isError && <Alert type="error" showIcon message={(report.error as Error).message} className="no-print" />}
      {report.isLoading && <Spin />}
      {r && (
        <article className="work-report" data-testid="work-report">
          <h1>{t('reports.title', { area: r.area.name })}</h1>
          <p className="report-meta">
            {t('reports.period', { from: r.from, to: r.to })} · {r.area.code} ·{' '}
            {t('reports.generated', { at: dayjs().format('YYYY-MM-DD HH:mm') })}
          </p>
          <FiguresTable report={r} />
          {r.children.length > 0 && (
            <section>
              <h2>{t('reports.compare')}</h2>
              <ValuesTable
                head={t('reports.area')}
                testId="report-children"
                rows={r.children.map((c) => ({ key: c.area.id, name: c.area.name, values: c.values }))}
              />
            </section>
          )}
          <section>
            <h2>{t('reports.months')}</h2>
            <ValuesTable
              head={t('reports.month')}
              testId="report-months"
              rows={r.months.map((m) => ({ key: m.month, name: m.month, values: m.values }))}
            />
          </section>
          <p className="report-meta">{t('reports.absent')}</p>
        </article>
      )}
    </div>
  );
}
