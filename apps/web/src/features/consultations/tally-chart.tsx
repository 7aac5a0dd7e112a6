import type { VoteTopicDto } from '@linli/contracts';
import { useI18n } from '../../app/i18n';
import { EChart, type ChartOption } from '../../components/echart';

/** The votes per option as horizontal bars (staff see them live; residents once published). */
export function TallyChart({ topic }: { topic: VoteTopicDto }) {
  const { t } = useI18n();
  const tally = topic.tally ?? [];
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: tally.map((o) => o.label), inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
    series: [{ type: 'bar', data: tally.map((o) => o.votes), label: { show: true, position: 'right' }, barMaxWidth: 28 }],
  };
  return <EChart option={option} label={t('consult.tally')} height={Math.max(140, tally.length * 56)} testId="consult-tally-chart" />;
}
