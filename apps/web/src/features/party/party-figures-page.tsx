import { AGE_BAND_LABELS, EDUCATION_LABELS } from '@linli/contracts';
import { Alert, Card, Col, Flex, Progress, Row, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { type ChartOption, EChart } from '../../components/echart';
import { PageTitle } from '../../components/page-title';
import { CommunityPicker, useCommunityParam } from './community-picker';
import { FiguresStrip } from './figures-strip';
import { usePartyFigures } from './party-api';

const bars = (labels: string[], values: number[], horizontal = false): ChartOption => ({
  grid: { left: horizontal ? 140 : 40, right: 16, top: 16, bottom: 32 },
  tooltip: { trigger: 'axis' },
  [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: labels, axisLabel: { interval: 0 } },
  [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', data: values, itemStyle: { color: '#c41d1d' }, label: { show: true, position: horizontal ? 'right' : 'top' } }],
});

/** 党建统计: members by branch, age band and education, and post coverage, of a community or the user's whole scope. */
export default function PartyFiguresPage() {
  const { t, locale } = useI18n();
  const [communityId, setCommunityId] = useCommunityParam();
  const figures = usePartyFigures(communityId);
  const f = figures.data;
  const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100));
  return (
    <>
      <PageTitle extra={<CommunityPicker value={communityId ?? f?.communityId ?? undefined} onChange={setCommunityId} />}>
        {t('partyFigures.title')}
      </PageTitle>
      {figures.isError && <Alert type="error" showIcon message={(figures.error as Error).message} />}
      {f && (
        <Flex vertical gap={16}>
          <Card size="small">
            <FiguresStrip figures={f.totals} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('partyFigures.byBranch')}>
                <EChart
                  label={t('partyFigures.byBranch')}
                  height={Math.max(240, f.byBranch.length * 26)}
                  option={bars(
                    f.byBranch.map((b) => b.name),
                    f.byBranch.map((b) => b.count),
                    true,
                  )}
                  testId="chart-by-branch"
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('partyFigures.byAge')}>
                <EChart
                  label={t('partyFigures.byAge')}
                  option={bars(
                    f.byAgeBand.map((b) => AGE_BAND_LABELS[b.key][locale]),
                    f.byAgeBand.map((b) => b.count),
                  )}
                  testId="chart-by-age"
                />
              </Card>
              <Card size="small" title={t('partyFigures.byEducation')} style={{ marginTop: 16 }}>
                <EChart
                  label={t('partyFigures.byEducation')}
                  option={bars(
                    f.byEducation.map((e) => (e.key === 'unknown' ? t('partyFigures.unknown') : EDUCATION_LABELS[e.key][locale])),
                    f.byEducation.map((e) => e.count),
                  )}
                  testId="chart-by-education"
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('partyFigures.coverage')} data-testid="party-coverage">
            <Typography.Text>{t('partyFigures.grids', { covered: f.coverage.gridsCovered, total: f.coverage.grids })}</Typography.Text>
            <Progress percent={pct(f.coverage.gridsCovered, f.coverage.grids)} strokeColor="#c41d1d" />
            <Typography.Text>
              {t('partyFigures.buildings', { covered: f.coverage.buildingsCovered, total: f.coverage.buildings })}
            </Typography.Text>
            <Progress percent={pct(f.coverage.buildingsCovered, f.coverage.buildings)} strokeColor="#c41d1d" />
          </Card>
        </Flex>
      )}
    </>
  );
}
