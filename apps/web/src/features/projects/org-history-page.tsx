import { Alert, Card, List, Skeleton, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { type ChartOption, EChart } from '../../components/echart';
import { PageTitle } from '../../components/page-title';
import { GRADE_COLORS, gradeLabel } from './labels';
import { useOrgHistory } from './projects-api';

/** A social organisation's projects over time: their evaluation scores as a chart, then the list. */
export default function OrgHistoryPage() {
  const { orgId = '' } = useParams();
  const { t, locale } = useI18n();
  const history = useOrgHistory(orgId);
  if (history.isPending) return <Skeleton active />;
  if (history.isError) return <Alert type="error" showIcon message={history.error.message} />;
  const { org, items } = history.data;
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: items.map((p) => `${p.startsOn.slice(0, 7)}\n${p.title.slice(0, 8)}`) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      { type: 'bar', name: t('projects.result'), data: items.map((p) => p.result?.score ?? null), label: { show: true, position: 'top' } },
      { type: 'line', name: t('projects.progress'), data: items.map((p) => p.progress.percent) },
    ],
    legend: { bottom: 0 },
  };
  return (
    <div className="projects-page">
      <PageTitle>{t('projects.historyOf', { org: org.name })}</PageTitle>
      <Card size="small" title={t('projects.history')}>
        <EChart option={option} label={t('projects.history')} height={260} testId="org-history-chart" />
      </Card>
      <List
        dataSource={items}
        renderItem={(p) => (
          <List.Item>
            <Link to={`/projects/${p.id}`}>{p.title}</Link>
            <span>
              {p.startsOn} ~ {p.endsOn}{' '}
              {p.result && (
                <Tag color={GRADE_COLORS[p.result.grade]}>
                  {t('projects.score', { score: p.result.score })} · {gradeLabel(p.result.grade, locale)}
                </Tag>
              )}
            </span>
          </List.Item>
        )}
      />
    </div>
  );
}
