import type { FiguresRow } from '@linli/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n';
import { EChart, type ChartOption } from '../../components/echart';
import { ratePercent } from './format';

const MAX_GROUPS = 15;

/** The three rates side by side for the largest groups (by orders placed). */
export function CompareChart({ rows }: { rows: readonly FiguresRow[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const shown = rows.slice(0, MAX_GROUPS);
    const bar = (name: string, pick: (r: FiguresRow) => number | null) =>
      ({ type: 'bar', name, data: shown.map((r) => ratePercent(pick(r))), barMaxWidth: 18 }) as const;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 64 },
      xAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { interval: 0, rotate: shown.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        bar(t('figures.rate.response'), (r) => r.rates.responseRate),
        bar(t('figures.rate.resolution'), (r) => r.rates.resolutionRate),
        bar(t('figures.rate.satisfaction'), (r) => r.rates.satisfactionRate),
      ],
    };
  }, [rows, t]);
  return <EChart option={option} label={t('figures.compareTitle')} height={300} testId="figures-compare-chart" />;
}
