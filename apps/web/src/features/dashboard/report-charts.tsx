import { REPORT_KEY_LABELS, type ReportKey, type WorkReportDto } from '@linli/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n';
import { type ChartOption, EChart } from '../../components/echart';
import { keysOf } from '../reports/report-keys';

/** The figures that happen in time (orders placed, visits done …), one line each per month. */
export function TrendChart({ report }: { report: WorkReportDto }) {
  const { t, locale } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const keys = keysOf(report.months.map((m) => m.values));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: report.months.map((m) => m.month) },
      yAxis: { type: 'value' },
      series: keys.map((k) => ({ type: 'line', name: REPORT_KEY_LABELS[k][locale], data: report.months.map((m) => m.values[k] ?? 0) })),
    };
  }, [report, locale]);
  return <EChart option={option} label={t('dashboard.trend')} testId="dashboard-trend" />;
}

/** One figure across the child areas; a click on a bar opens that area. */
export function CompareChart({ report, figure, onOpen }: { report: WorkReportDto; figure: ReportKey; onOpen: (code: string) => void }) {
  const { t, locale } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 64 },
      xAxis: {
        type: 'category',
        data: report.children.map((c) => c.area.name),
        axisLabel: { interval: 0, rotate: report.children.length > 5 ? 30 : 0 },
      },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: REPORT_KEY_LABELS[figure][locale], data: report.children.map((c) => c.values[figure] ?? 0), barMaxWidth: 32 },
      ],
    }),
    [report, figure, locale],
  );
  const open = (i: number) => {
    const child = report.children[i];
    if (child) onOpen(child.area.code);
  };
  return (
    <EChart
      option={option}
      label={t('dashboard.compare', { figure: REPORT_KEY_LABELS[figure][locale] })}
      testId="dashboard-compare"
      onClick={open}
    />
  );
}
