import type { SurveyRanking } from '@linli/contracts';
import { useI18n } from '../../app/i18n';
import { EChart, type ChartOption } from '../../components/echart';

/** The period's compounds as bars: the combined score beside its two parts. */
export function RankingChart({ ranking }: { ranking: SurveyRanking }) {
  const { t } = useI18n();
  const rows = ranking.rows;
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', data: rows.map((r) => r.compoundName), inverse: true, axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      {
        name: t('survey.combined'),
        type: 'bar',
        data: rows.map((r) => r.combined),
        label: { show: true, position: 'right' },
        barMaxWidth: 18,
      },
      { name: t('survey.surveyScore'), type: 'bar', data: rows.map((r) => r.surveyScore), barMaxWidth: 12 },
      {
        name: t('survey.satisfaction'),
        type: 'bar',
        data: rows.map((r) => (r.satisfactionRate === null ? null : Math.round(r.satisfactionRate * 1000) / 10)),
        barMaxWidth: 12,
      },
    ],
  };
  return <EChart option={option} label={t('survey.ranking')} height={Math.max(180, rows.length * 72 + 40)} testId="survey-ranking-chart" />;
}

/** Each compound's combined score per period, one line per compound. */
export function TrendChart({ ranking }: { ranking: SurveyRanking }) {
  const { t } = useI18n();
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: ranking.periods },
    yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10), max: 100 },
    series: ranking.trend.map((c) => ({
      name: c.compoundName,
      type: 'line' as const,
      connectNulls: true,
      data: ranking.periods.map((p) => c.points.find((x) => x.period === p)?.combined ?? null),
    })),
  };
  return <EChart option={option} label={t('survey.trend')} testId="survey-trend-chart" />;
}
