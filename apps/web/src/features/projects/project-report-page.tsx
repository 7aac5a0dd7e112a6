import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useDocumentTitle } from '../../components/page-title';
import { categoryLabel, gradeLabel, yuan } from './labels';
import { useProject } from './projects-api';
import './projects.css';

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

/** 绩效评估报告 on A4: the project, its implementation and KPIs, each criterion's mean score and the conclusion. */
export default function ProjectReportPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const project = useProject(id);
  useDocumentTitle(project.data ? `${t('projects.report.heading')} ${project.data.contractNo}` : null);
  if (project.isPending) return <Skeleton active />;
  if (project.isError) return <Alert type="error" message={project.error.message} />;
  const p = project.data;
  const live = p.evaluations.filter((e) => e.supersededAt === null);
  return (
    <>
      <Flex gap={8} className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
          {t('projects.printNow')}
        </Button>
        <Link to={`/projects/${p.id}`}>
          <Button>{p.title}</Button>
        </Link>
      </Flex>
      <article className="project-report" data-testid="project-report">
        <h1>{t('projects.report.heading')}</h1>
        <h2>{t('projects.report.basic')}</h2>
        <table>
          <tbody>
            <tr>
              <th>{t('projects.name')}</th>
              <td colSpan={3}>
                {p.title}（{categoryLabel(p.category, locale)}）
              </td>
            </tr>
            <tr>
              <th>{t('projects.buyer')}</th>
              <td>{p.buyer.name}</td>
              <th>{t('projects.provider')}</th>
              <td>{p.provider.name}</td>
            </tr>
            <tr>
              <th>{t('projects.contract')}</th>
              <td>{p.contractNo}</td>
              <th>{t('projects.budget')}</th>
              <td>{t('projects.yuan', { n: yuan(p.budgetCents) })}</td>
            </tr>
            <tr>
              <th>{t('projects.period')}</th>
              <td colSpan={3}>
                {p.startsOn} ~ {p.endsOn}
              </td>
            </tr>
          </tbody>
        </table>
        <h2>{t('projects.report.progress')}</h2>
        {p.milestones.map((m) => (
          <p key={m.id} style={{ margin: 0 }}>
            {m.title}：{m.doneOn ? t('projects.doneOn', { date: m.doneOn }) : t('projects.due', { date: m.dueOn })}
          </p>
        ))}
        <h2>{t('projects.report.kpis')}</h2>
        <table>
          <tbody>
            {p.kpis.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>{t('projects.target', { n: k.target, unit: k.unit })}</td>
                <td>{t('projects.actual', { n: k.actual, unit: k.unit })}</td>
                <td>{k.attainment}%</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('projects.report.scores')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('projects.report.criterion')}</th>
              <th>{t('projects.weight', { n: '' })}</th>
              <th>{t('projects.report.mean')}</th>
            </tr>
          </thead>
          <tbody>
            {p.scorecard.map((c) => (
              <tr key={c.key}>
                <td>{c.name}</td>
                <td>{c.weight}</td>
                <td>{mean(live.flatMap((e) => e.scores.filter((s) => s.key === c.key).map((s) => s.score))) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {live.map((e) => e.comment && <p key={e.id}>{`${e.evaluator.name}：${e.comment}`}</p>)}
        <h2>{t('projects.report.conclusion')}</h2>
        <p data-testid="report-conclusion">
          {p.result
            ? t('projects.report.conclusionText', { score: p.result.score, grade: gradeLabel(p.result.grade, locale) })
            : t('projects.report.pending')}
        </p>
        <p className="report-signature">{t('projects.report.signature')}</p>
      </article>
    </>
  );
}
