import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ProjectDto } from '@linli/contracts';
import { Alert, Button, Card, Descriptions, Flex, InputNumber, List, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { EvaluationPanel } from './evaluation-panel';
import { EvidencePanel } from './evidence-panel';
import { ProjectLinksCard } from './project-links-card';
import { GRADE_COLORS, categoryLabel, gradeLabel, yuan } from './labels';
import { useProject, useProjectActions } from './projects-api';
import './projects.css';

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

/** One project: its facts, milestones, KPIs counted live, evidence and third-party evaluation. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const project = useProject(id);
  if (project.isPending) return <Skeleton active />;
  if (project.isError) return <Alert type="error" showIcon message={project.error.message} />;
  const p = project.data;
  return (
    <div className="projects-page">
      <PageTitle
        extra={
          <Space wrap>
            {p.abilities.includes('edit') && (
              <Link to={`/projects/${p.id}/edit`}>
                <Button icon={<EditOutlined />} data-testid="project-edit-link">
                  {t('projects.edit')}
                </Button>
              </Link>
            )}
            <Link to={`/projects/${p.id}/report`}>
              <Button icon={<PrinterOutlined />} data-testid="project-report-link">
                {t('projects.print')}
              </Button>
            </Link>
          </Space>
        }
      >
        {p.title}
      </PageTitle>
      <Space wrap size={4} style={{ marginBottom: 12 }}>
        <Tag color="blue">{categoryLabel(p.category, locale)}</Tag>
        {p.result ? (
          <Tag color={GRADE_COLORS[p.result.grade]} data-testid="project-result">
            {t('projects.result')}：{t('projects.score', { score: p.result.score })} · {gradeLabel(p.result.grade, locale)}
          </Tag>
        ) : (
          <Tag>{t('projects.awaiting', { done: p.submitted, n: p.evaluators })}</Tag>
        )}
      </Space>
      <Flex vertical gap={12}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('projects.buyer')}>{p.buyer.name}</Descriptions.Item>
            <Descriptions.Item label={t('projects.provider')}>
              <Link to={`/projects/orgs/${p.provider.id}`}>{p.provider.name}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.contract')}>{p.contractNo}</Descriptions.Item>
            <Descriptions.Item label={t('projects.period')}>
              {p.startsOn} ~ {p.endsOn}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.budget')}>{t('projects.yuan', { n: yuan(p.budgetCents) })}</Descriptions.Item>
            <Descriptions.Item label={t('projects.progress')}>
              <Progress percent={p.progress.percent} size="small" style={{ minWidth: 140 }} aria-label={t('projects.progress')} />
            </Descriptions.Item>
          </Descriptions>
          {p.description && <Typography.Paragraph style={{ marginBottom: 0 }}>{p.description}</Typography.Paragraph>}
        </Card>
        <MilestonesCard p={p} />
        <KpisCard p={p} />
        <ProjectLinksCard p={p} />
        <EvidencePanel p={p} />
        <EvaluationPanel p={p} />
      </Flex>
    </div>
  );
}

function MilestonesCard({ p }: { p: ProjectDto }) {
  const { t } = useI18n();
  const { milestone } = useProjectActions(p.id);
  const showError = useShowError();
  const canEdit = p.abilities.includes('edit');
  return (
    <Card
      size="small"
      title={`${t('projects.milestones')} · ${t('projects.milestonesDone', { done: p.progress.milestonesDone, n: p.progress.milestones })}`}
    >
      <List
        size="small"
        dataSource={p.milestones}
        renderItem={(m) => (
          <List.Item
            actions={
              canEdit
                ? [
                    <Button
                      key="m"
                      size="small"
                      type={m.doneOn ? 'link' : 'primary'}
                      loading={milestone.isPending && milestone.variables?.milestoneId === m.id}
                      onClick={() => milestone.mutate({ milestoneId: m.id, doneOn: m.doneOn ? null : today() }, { onError: showError })}
                    >
                      {m.doneOn ? t('projects.undo') : t('projects.markDone')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space wrap size={4}>
              <Tag color={m.doneOn ? 'green' : 'default'}>
                {m.doneOn ? t('projects.doneOn', { date: m.doneOn }) : t('projects.due', { date: m.dueOn })}
              </Tag>
              <span>{m.title}</span>
              {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function KpisCard({ p }: { p: ProjectDto }) {
  const { t } = useI18n();
  const { kpi } = useProjectActions(p.id);
  const showError = useShowError();
  const [values, setValues] = useState<Record<string, number | null>>({});
  const canEdit = p.abilities.includes('edit');
  return (
    <Card size="small" title={`${t('projects.kpis')} · ${t('projects.kpiAttainment', { n: p.progress.kpiAttainment })}`}>
      <List
        size="small"
        dataSource={p.kpis}
        renderItem={(k) => (
          <List.Item data-testid="project-kpi">
            <div className="project-kpi">
              <div className="project-kpi-head">
                <strong>{k.name}</strong>
                <span>
                  {t('projects.actual', { n: k.actual, unit: k.unit })} / {t('projects.target', { n: k.target, unit: k.unit })}
                </span>
              </div>
              <Progress percent={k.attainment} size="small" aria-label={k.name} />
              <Space wrap size={4}>
                <Typography.Text type="secondary">{t(`projects.source.${k.source}`)}</Typography.Text>
                {canEdit && k.source === 'manual' && (
                  <Space.Compact size="small">
                    <InputNumber min={0} value={values[k.id] ?? k.actual} onChange={(v) => setValues({ ...values, [k.id]: v })} />
                    <Button onClick={() => kpi.mutate({ kpiId: k.id, manualValue: values[k.id] ?? k.actual }, { onError: showError })}>
                      {t('projects.setValue')}
                    </Button>
                  </Space.Compact>
                )}
              </Space>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
