import { ACTIVITY_KIND_LABELS, type ActivityKind } from '@linli/contracts';
import { Alert, Card, Col, Flex, InputNumber, Row, Segmented, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { type ChartOption, EChart } from '../../components/echart';
import { PageTitle } from '../../components/page-title';
import { CommunityPicker, useCommunityParam } from '../party/community-picker';
import { useActivityFigures } from './api';

const barsAndLine = (labels: string[], bars: number[], line: number[], names: [string, string], horizontal = false): ChartOption => ({
  grid: { left: horizontal ? 150 : 40, right: 40, top: 32, bottom: 32 },
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: labels, axisLabel: { interval: 0 } },
  [horizontal ? 'xAxis' : 'yAxis']: [
    { type: 'value', minInterval: 1 },
    ...(horizontal ? [] : [{ type: 'value' as const, minInterval: 1 }]),
  ],
  series: [
    {
      name: names[0],
      type: 'bar',
      data: bars,
      itemStyle: { color: '#c41d1d' },
      label: { show: true, position: horizontal ? 'right' : 'top' },
    },
    {
      name: names[1],
      type: horizontal ? 'bar' : 'line',
      data: line,
      ...(horizontal ? {} : { yAxisIndex: 1 }),
      itemStyle: { color: '#d48806' },
    },
  ],
});

type PeriodMode = 'last12' | 'year';

/**
 * /volunteering/figures: activities held and people served by kind, month and team, and volunteer hours; by default
 * over the last 12 months (the work report's 365 days up to today), or over a calendar year picked.
 */
export default function VolunteeringFiguresPage() {
  const { t, locale } = useI18n();
  const [communityId, setCommunityId] = useCommunityParam();
  const [year, setYear] = useState<number | null>(null);
  const figures = useActivityFigures(year, communityId);
  const f = figures.data;
  return (
    <>
      <PageTitle
        extra={
          <Flex wrap gap={8} align="center">
            <Segmented<PeriodMode>
              value={year === null ? 'last12' : 'year'}
              onChange={(m) => setYear(m === 'last12' ? null : new Date().getFullYear() - 1)}
              options={[
                { value: 'last12', label: t('fig.last12') },
                { value: 'year', label: t('fig.calendarYear') },
              ]}
              data-testid="fig-period"
            />
            <span data-testid="fig-year">
              <InputNumber
                value={year}
                min={2000}
                max={2100}
                placeholder={t('fig.last12')}
                onChange={(v) => v && setYear(v)}
                addonBefore={t('fig.year')}
              />
            </span>
            <CommunityPicker value={communityId} onChange={setCommunityId} />
          </Flex>
        }
      >
        {t('fig.title')}
      </PageTitle>
      {figures.error && <Alert type="error" showIcon title={figures.error.message} />}
      {f && (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary" data-testid="fig-range">
            {t('fig.period', { from: f.from, to: f.to })}
          </Typography.Text>
          <Card size="small">
            <Flex wrap gap={32} data-testid="fig-totals">
              <Statistic title={t('fig.activities')} value={f.totals.activities} />
              <Statistic title={t('fig.served')} value={f.totals.peopleServed} />
              <Statistic title={t('fig.hours')} value={f.totals.hours} />
              <Statistic title={t('fig.volunteers')} value={f.totals.volunteers} />
            </Flex>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('fig.byKind')}>
                <EChart
                  label={t('fig.byKind')}
                  testId="chart-by-kind"
                  option={barsAndLine(
                    f.byKind.map((k) => ACTIVITY_KIND_LABELS[k.key as ActivityKind][locale]),
                    f.byKind.map((k) => k.activities),
                    f.byKind.map((k) => k.peopleServed),
                    [t('fig.activities'), t('fig.served')],
                    true,
                  )}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('fig.byTeam')}>
                <EChart
                  label={t('fig.byTeam')}
                  testId="chart-by-team"
                  option={barsAndLine(
                    f.byTeam.map((b) => b.name),
                    f.byTeam.map((b) => b.activities),
                    f.byTeam.map((b) => b.hours),
                    [t('fig.activities'), t('fig.hours')],
                    true,
                  )}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('fig.byMonth')}>
            <EChart
              label={t('fig.byMonth')}
              testId="chart-by-month"
              option={barsAndLine(
                f.byMonth.map((m) => m.key),
                f.byMonth.map((m) => m.activities),
                f.byMonth.map((m) => m.hours),
                [t('fig.activities'), t('fig.hours')],
              )}
            />
          </Card>
        </Flex>
      )}
    </>
  );
}
