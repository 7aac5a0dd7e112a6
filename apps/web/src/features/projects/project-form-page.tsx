import { type CreateProjectInput, DEFAULT_SCORECARD, ProjectCategory, type ProjectDto } from '@linli/contracts';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Select, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { useFormSave, useRequiredRule } from '../../lib/use-form-save';
import { AreaSelect } from '../areas/area-select';
import { useOrgList } from '../orgs/org-api';
import { categoryLabel } from './labels';
import { KpisList, MilestonesList, ScorecardList } from './project-form-lists';
import { createProject, updateProject, useProject } from './projects-api';
import './projects.css';

type Values = Omit<CreateProjectInput, 'milestones' | 'kpis' | 'scorecard'> & {
  scorecard: NonNullable<CreateProjectInput['scorecard']>;
  milestones: (CreateProjectInput['milestones'][number] & { id?: string })[];
  kpis: (Omit<CreateProjectInput['kpis'][number], 'manualValue'> & { id?: string })[];
};

/** The form's values for a project as the server answered it. */
const valuesOf = (p: ProjectDto): Values => ({
  buyerAreaId: p.buyer.id,
  providerOrgId: p.provider.id,
  title: p.title,
  category: p.category,
  contractNo: p.contractNo,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  budgetCents: p.budgetCents,
  description: p.description,
  milestones: p.milestones.map(({ id, title, dueOn, note }) => ({ id, title, dueOn, note })),
  kpis: p.kpis.map(({ id, name, unit, target, source }) => ({ id, name, unit, target, source })),
  scorecard: p.scorecard,
});

/** /projects/new and /projects/:id/edit. */
export default function ProjectFormPage() {
  const { id } = useParams();
  const project = useProject(id ?? '', !!id);
  if (!id) return <ProjectForm project={null} />;
  if (project.isPending) return <Skeleton active />;
  if (project.isError) return <Alert type="error" showIcon message={project.error.message} />;
  return <ProjectForm project={project.data} />;
}

/** Contract facts, milestones, KPIs and scorecard; the server's field issues land on the fields. */
function ProjectForm({ project }: { project: ProjectDto | null }) {
  const { t, locale } = useI18n();
  const need = useRequiredRule();
  const navigate = useNavigate();
  const orgs = useOrgList({ kind: 'social_org' });
  const { form, save } = useFormSave(
    ({ buyerAreaId, ...v }: Values) =>
      project ? updateProject(project.id, v) : createProject({ buyerAreaId, ...v, kpis: v.kpis.map((k) => ({ ...k, manualValue: null })) }),
    async (saved, { message, queryClient }) => {
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
      message.success(t('projects.saved'));
      navigate(`/projects/${saved.id}`);
    },
  );
  const initial: Partial<Values> = project
    ? valuesOf(project)
    : { category: 'purchase', description: '', milestones: [], kpis: [], scorecard: DEFAULT_SCORECARD };
  return (
    <div className="projects-page">
      <PageTitle>{project ? t('projects.edit') : t('projects.new')}</PageTitle>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate({ ...v, description: v.description ?? '' })}
        data-testid="project-form"
      >
        <Flex vertical gap={12}>
          <Card size="small" title={t('projects.facts')}>
            <div className="project-form-grid">
              <Form.Item name="buyerAreaId" label={t('projects.buyer')} rules={[need]}>
                {project ? (
                  <Select disabled options={[{ value: project.buyer.id, label: project.buyer.name }]} />
                ) : (
                  <AreaSelect kinds={['street', 'community']} testId="project-buyer" />
                )}
              </Form.Item>
              <Form.Item name="providerOrgId" label={t('projects.provider')} rules={[need]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={orgs.isPending}
                  data-testid="project-provider"
                  options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
              <Form.Item name="title" label={t('projects.name')} rules={[need, { max: 100 }]}>
                <Input data-testid="project-title" />
              </Form.Item>
              <Form.Item name="category" label={t('projects.category')} rules={[need]}>
                <Select options={ProjectCategory.options.map((c) => ({ value: c, label: categoryLabel(c, locale) }))} />
              </Form.Item>
              <Form.Item name="contractNo" label={t('projects.contract')} rules={[need, { max: 50 }]}>
                <Input data-testid="project-contract" />
              </Form.Item>
              <Form.Item
                name="budgetCents"
                label={t('projects.budgetYuan')}
                rules={[need]}
                getValueProps={(v?: number) => ({ value: v == null ? v : v / 100 })}
                normalize={(v?: number | null) => (v == null ? v : Math.round(v * 100))}
              >
                <InputNumber min={0} precision={2} step={0.01} style={{ width: '100%' }} data-testid="project-budget" />
              </Form.Item>
              <Form.Item name="startsOn" label={t('projects.startsOn')} rules={[need]}>
                <Input type="date" data-testid="project-starts" />
              </Form.Item>
              <Form.Item name="endsOn" label={t('projects.endsOn')} rules={[need]}>
                <Input type="date" data-testid="project-ends" />
              </Form.Item>
            </div>
            <Form.Item name="description" label={t('projects.description')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </Card>
          <MilestonesList />
          <KpisList />
          <ScorecardList />
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="project-save">
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate(project ? `/projects/${project.id}` : '/projects')}>{t('common.cancel')}</Button>
          </Flex>
        </Flex>
      </Form>
    </div>
  );
}
