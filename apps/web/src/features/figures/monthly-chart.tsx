import type { FiguresMonth } from '@linli/contracts';
import { useMemo } from 'react';
import { PRIMARY } from '../../app/brand';
import { useI18n } from '../../app/i18n';
import { EChart, type ChartOption } from '../../components/echart';
import { ratePercent } from './format';

/** Orders placed per month as bars, with the three rates as lines on a per-cent axis. */
export function MonthlyChart({ months }: { months: readonly FiguresMonth[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const line = (name: string, values: (number | null)[]) =>
      ({ type: 'line', name, yAxisIndex: 1, data: values, connectNulls: true }) as const;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('figures.placed') },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { type: 'bar', name: t('figures.placed'), data: months.map((m) => m.placed), itemStyle: { color: PRIMARY }, barMaxWidth: 36 },
        line(
          t('figures.rate.response'),
          months.map((m) => ratePercent(m.responseRate)),
        ),
        line(
          t('figures.rate.resolution'),
          months.map((m) => ratePercent(m.resolutionRate)),
        ),
        line(
          t('figures.rate.satisfaction'),
          months.map((m) => ratePercent(m.satisfactionRate)),
        ),
      ],
    };
  }, [months, t]);
  return <EChart option={option} label={t('figures.monthlyTitle')} height={300} testId="figures-monthly-chart" />;
}
