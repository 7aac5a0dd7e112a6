import type { SurveyDto, SurveyRanking } from '@linli/contracts';
import { Button, Card, Col, Empty, Row, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { OpenSurveyModal } from './open-survey-modal';
import { RankingChart, TrendChart } from './ranking-charts';
import { SurveyStatusTag, percent, score } from './survey-status';
import { useRanking, useSurveys } from './surveys-api';

const PAGE_SIZE = 20;

/** /surveys: the ranking of the scope's compounds in a period, their scores over time, and the surveys. */
export default function SurveysPage() {
  const { t } = useI18n();
  const me = useSession();
  const [period, setPeriod] = useState<string>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const ranking = useRanking(period);
  const list = useSurveys(page, PAGE_SIZE);
  const r = ranking.data;
  const columns: TableColumnsType<SurveyDto> = [
    { key: 'period', title: t('survey.period'), dataIndex: 'period', width: 90 },
    { key: 'compound', title: t('survey.compound'), render: (_, s) => <Link to={`/surveys/${s.id}`}>{s.compoundName}</Link> },
    { key: 'org', title: t('survey.org'), dataIndex: 'orgName' },
    { key: 'answers', title: t('survey.answers'), render: (_, s) => s.score?.answers ?? '—', width: 100 },
    { key: 'combined', title: t('survey.combined'), render: (_, s) => score(s.score?.combined ?? null), width: 100 },
    { key: 'status', title: t('survey.status'), render: (_, s) => <SurveyStatusTag survey={s} />, width: 90 },
  ];
  const openButton = me.abilities.includes('surveys.manage') && (
    <Button type="primary" onClick={() => setOpen(true)} data-testid="survey-open">
      {t('survey.open')}
    </Button>
  );
  return (
    <>
      <PageTitle extra={openButton}>{t('survey.title')}</PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('survey.ranking')}
            extra={
              <Select
                size="small"
                style={{ width: 110 }}
                value={r?.period ?? undefined}
                onChange={setPeriod}
                options={(r?.periods ?? []).map((p) => ({ value: p, label: p }))}
                data-testid="survey-period"
              />
            }
          >
            {r && r.rows.length > 0 ? <RankingChart ranking={r} /> : <Empty />}
            {r && <RankingTable ranking={r} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('survey.trend')}>
            {r && r.trend.length > 0 ? <TrendChart ranking={r} /> : <Empty />}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('survey.list')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          scroll={{ x: 600 }}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          data-testid="survey-table"
        />
      </Card>
      {open && <OpenSurveyModal onClose={() => setOpen(false)} />}
    </>
  );
}

/** The ranked rows with both parts of the score. */
function RankingTable({ ranking }: { ranking: SurveyRanking }) {
  const { t } = useI18n();
  const columns: TableColumnsType<SurveyRanking['rows'][number]> = [
    { key: 'rank', title: t('survey.rank'), dataIndex: 'rank', width: 56 },
    { key: 'compound', title: t('survey.compound'), render: (_, r) => <Link to={`/surveys/${r.surveyId}`}>{r.compoundName}</Link> },
    { key: 'org', title: t('survey.org'), dataIndex: 'orgName' },
    { key: 'survey', title: t('survey.surveyScore'), render: (_, r) => score(r.surveyScore), width: 90 },
    { key: 'orders', title: t('survey.satisfaction'), render: (_, r) => percent(r.satisfactionRate), width: 100 },
    { key: 'combined', title: t('survey.combined'), render: (_, r) => <b>{score(r.combined)}</b>, width: 90 },
  ];
  return (
    <Table
      rowKey="surveyId"
      size="small"
      scroll={{ x: 520 }}
      pagination={false}
      columns={columns}
      dataSource={ranking.rows}
      style={{ marginTop: 8 }}
      data-testid="survey-ranking"
    />
  );
}
