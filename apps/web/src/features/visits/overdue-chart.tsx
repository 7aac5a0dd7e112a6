import type { OverdueByGrid } from '@linli/contracts';
import { useMemo } from 'react';
import { PRIMARY } from '../../app/brand';
import { useI18n } from '../../app/i18n';
import { EChart, type ChartOption } from '../../components/echart';

/** Bar chart of overdue households per grid, over the whole list (not just the page shown). */
export function OverdueChart({ byGrid }: { byGrid: readonly OverdueByGrid[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 56 },
      xAxis: {
        type: 'category',
        data: byGrid.map((g) => g.gridName ?? t('visits.noGrid')),
        axisLabel: { interval: 0, rotate: byGrid.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('visits.chartSeries'), data: byGrid.map((g) => g.count), itemStyle: { color: PRIMARY }, barMaxWidth: 56 },
      ],
    }),
    [byGrid, t],
  );
  return <EChart option={option} label={t('visits.chartTitle')} height={240} testId="overdue-chart" />;
}
