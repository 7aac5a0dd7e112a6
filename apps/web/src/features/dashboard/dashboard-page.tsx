import { ArrowUpOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { REPORT_KEY_LABELS, type ReportKey } from '@linli/contracts';
import { Alert, Button, Card, Empty, Flex, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { reportPath } from '../reports/period';
import { useWorkReport, workReportXlsxUrl } from '../reports/report-api';
import { ReportToolbar } from '../reports/report-toolbar';
import { useReportParams } from '../reports/use-report-params';
import { FigureCards } from './figure-cards';
import { keysOf } from '../reports/report-keys';
import { CompareChart, TrendChart } from './report-charts';

/** The parent's code (a level is 3 digits, the district 6), when the user's scope reaches it. */
function upCode(code: string, ownCodes: readonly string[]): string | null {
  if (code.length <= 6) return null;
  const up = code.slice(0, -3);
  return ownCodes.some((own) => up.startsWith(own)) ? up : null;
}

/** 治理驾驶舱: an area's figures, their monthly trend and the comparison of its child areas, each leading to its list. */
export default function DashboardPage() {
  const { t, locale } = useI18n();
  const me = useSession();
  const { area, preset, request, set } = useReportParams();
  const report = useWorkReport(request);
  const r = report.data;
  const [picked, setPicked] = useState<ReportKey | null>(null);
  const childKeys = r ? keysOf(r.children.map((c) => c.values)) : [];
  const figure = picked && childKeys.includes(picked) ? picked : childKeys[0];
  const up = r
    ? upCode(
        r.area.code,
        me.scopes.flatMap((s) => (s.areaCode ? [s.areaCode] : [])),
      )
    : null;

  return (
    <>
      <PageTitle>{r ? t('dashboard.title', { area: r.area.name }) : t('menu.dashboard')}</PageTitle>
      <Flex vertical gap={16}>
        <ReportToolbar area={area} preset={preset} onChange={set}>
          {area && (
            <Link to={reportPath('/reports/work', area, preset)} data-testid="dashboard-report">
              <Button icon={<PrinterOutlined />}>{t('reports.open')}</Button>
            </Link>
          )}
          {request && (
            <Button icon={<DownloadOutlined />} href={workReportXlsxUrl(request)} download>
              {t('reports.export')}
            </Button>
          )}
          {up && (
            <Button icon={<ArrowUpOutlined />} onClick={() => set({ area: up })} data-testid="dashboard-up">
              {t('dashboard.up')}
            </Button>
          )}
        </ReportToolbar>
        {!area && <Empty description={t('reports.noArea')} />}
        {report.isError && <Alert type="error" showIcon message={(report.error as Error).message} />}
        {report.isLoading && <Spin />}
        {r && (
          <>
            <Typography.Text type="secondary">{t('reports.period', { from: r.from, to: r.to })}</Typography.Text>
            <FigureCards report={r} />
            <Card size="small" title={t('dashboard.trend')}>
              <TrendChart report={r} />
            </Card>
            {figure && (
              <Card size="small" title={t('dashboard.compare', { figure: REPORT_KEY_LABELS[figure][locale] })}>
                <div style={{ overflowX: 'auto' }}>
                  <Segmented<ReportKey>
                    size="small"
                    value={figure}
                    onChange={setPicked}
                    options={childKeys.map((k) => ({ value: k, label: REPORT_KEY_LABELS[k][locale] }))}
                    data-testid="dashboard-compare-figure"
                  />
                </div>
                <CompareChart report={r} figure={figure} onOpen={(code) => set({ area: code })} />
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  {t('dashboard.drill')}
                </Typography.Paragraph>
                <Flex wrap gap={8} data-testid="dashboard-children">
                  {r.children.map((c) => (
                    <Button key={c.area.id} size="small" onClick={() => set({ area: c.area.code })}>
                      {c.area.name} · {(c.values[figure] ?? 0).toLocaleString('zh-CN')}
                    </Button>
                  ))}
                </Flex>
              </Card>
            )}
          </>
        )}
      </Flex>
    </>
  );
}
