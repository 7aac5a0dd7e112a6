import { ProjectCategory, type ProjectListQuery, type ProjectSummaryDto } from '@linli/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Progress, Row, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { GRADE_COLORS, categoryLabel, gradeLabel, yuan } from './labels';
import { useProjects } from './projects-api';
import './projects.css';

/** The projects in scope as cards (an evaluator: the ones assigned), with progress and result. */
export default function ProjectsListPage() {
  const { t, locale } = useI18n();
  const me = useSession();
  const [category, setCategory] = useState<ProjectListQuery['category']>(undefined);
  const list = useProjects({ category });
  const evaluatorOnly = !me.abilities.includes('projects.read');
  return (
    <div className="projects-page">
      <PageTitle
        extra={
          me.abilities.includes('projects.write') && (
            <Link to="/projects/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="project-new">
                {t('projects.new')}
              </Button>
            </Link>
          )
        }
      >
        {t(evaluatorOnly ? 'projects.evaluatorTitle' : 'projects.title')}
      </PageTitle>
      <Segmented
        value={category ?? 'all'}
        onChange={(v) => setCategory(v === 'all' ? undefined : (v as ProjectCategory))}
        options={[
          { value: 'all', label: t('projects.all') },
          ...ProjectCategory.options.map((c) => ({ value: c, label: categoryLabel(c, locale) })),
        ]}
        style={{ marginBottom: 12 }}
      />
      {list.isPending && <Skeleton active />}
      {list.isError && <Alert type="error" showIcon message={list.error.message} />}
      {list.data?.items.length === 0 && <Empty description={t('projects.none')} />}
      <Row gutter={[12, 12]}>
        {list.data?.items.map((p) => (
          <Col xs={24} md={12} xl={8} key={p.id}>
            <ProjectCard p={p} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

function ProjectCard({ p }: { p: ProjectSummaryDto }) {
  const { t, locale } = useI18n();
  return (
    <Link to={`/projects/${p.id}`} data-testid="project-card">
      <Card
        size="small"
        hoverable
        title={<Typography.Text strong>{p.title}</Typography.Text>}
        extra={<Tag color="blue">{categoryLabel(p.category, locale)}</Tag>}
      >
        <div className="project-facts">
          <span>
            {t('projects.provider')}：{p.provider.name}
          </span>
          <span>
            {t('projects.buyer')}：{p.buyer.name}
          </span>
          <span>
            {t('projects.period')}：{p.startsOn} ~ {p.endsOn}
          </span>
          <span>
            {t('projects.budget')}：{t('projects.yuan', { n: yuan(p.budgetCents) })}
          </span>
        </div>
        <Progress percent={p.progress.percent} size="small" aria-label={`${p.title} ${t('projects.progress')}`} />
        <Space wrap size={4}>
          <Tag>{t('projects.milestonesDone', { done: p.progress.milestonesDone, n: p.progress.milestones })}</Tag>
          <Tag>{t('projects.kpiAttainment', { n: p.progress.kpiAttainment })}</Tag>
          {p.result ? (
            <Tag color={GRADE_COLORS[p.result.grade]} data-testid="project-result">
              {t('projects.score', { score: p.result.score })} · {gradeLabel(p.result.grade, locale)}
            </Tag>
          ) : (
            <Tag color="default">{t('projects.awaiting', { done: p.submitted, n: p.evaluators })}</Tag>
          )}
        </Space>
      </Card>
    </Link>
  );
}
