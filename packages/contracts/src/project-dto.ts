import { z } from 'zod';

/** 政府购买服务: a service project bought by a street or community from a social organisation. */
export const ProjectCategory = z.enum([
  /** 惠民实事 */
  'benefit',
  /** 购买服务 */
  'purchase',
]);
export type ProjectCategory = z.infer<typeof ProjectCategory>;

export const PROJECT_CATEGORY_LABELS: Record<ProjectCategory, { 'zh-CN': string; en: string }> = {
  benefit: { 'zh-CN': '惠民实事', en: 'Public benefit project' },
  purchase: { 'zh-CN': '购买服务', en: 'Purchased service' },
};

/** Where a KPI's actual value comes from: typed in, or counted live from the rows linked to the project. */
export const KpiSource = z.enum(['manual', 'activities', 'orders', 'programme_sessions', 'programme_beneficiaries']);
export type KpiSource = z.infer<typeof KpiSource>;

/** What a project links to, so its automatic KPIs are counted from those rows. */
export const ProjectLinkKind = z.enum(['activity', 'service', 'programme']);
export type ProjectLinkKind = z.infer<typeof ProjectLinkKind>;

/** One criterion of the evaluation scorecard; the weights of a scorecard sum to 100. */
export const ScoreCriterion = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/),
  name: z.string().trim().min(1).max(40),
  weight: z.number().int().min(1).max(100),
});
export type ScoreCriterion = z.infer<typeof ScoreCriterion>;

export const DEFAULT_SCORECARD: ScoreCriterion[] = [
  { key: 'goals', name: '目标达成', weight: 40 },
  { key: 'quality', name: '服务质量', weight: 25 },
  { key: 'satisfaction', name: '居民满意', weight: 20 },
  { key: 'funds', name: '资金管理', weight: 15 },
];

/** 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格. */
export const ProjectGrade = z.enum(['excellent', 'good', 'pass', 'fail']);
export type ProjectGrade = z.infer<typeof ProjectGrade>;
export const PROJECT_GRADE_LABELS: Record<ProjectGrade, { 'zh-CN': string; en: string }> = {
  excellent: { 'zh-CN': '优秀', en: 'Excellent' },
  good: { 'zh-CN': '良好', en: 'Good' },
  pass: { 'zh-CN': '合格', en: 'Pass' },
  fail: { 'zh-CN': '不合格', en: 'Fail' },
};
export function gradeOf(score: number): ProjectGrade {
  if (score >= 90) return 'excellent';
  if (score >= 80) return 'good';
  if (score >= 60) return 'pass';
  return 'fail';
}

/** The weighted score of one evaluation: Σ score × weight / 100, to one decimal. */
export function weightedScore(criteria: readonly ScoreCriterion[], scores: Record<string, number>): number {
  const total = criteria.reduce((s, c) => s + (scores[c.key] ?? 0) * c.weight, 0) / 100;
  return Math.round(total * 10) / 10;
}

const day = z.iso.date();

export const MilestoneInput = z.object({
  title: z.string().trim().min(1).max(100),
  dueOn: day,
  note: z.string().trim().max(500).default(''),
});
export type MilestoneInput = z.infer<typeof MilestoneInput>;

export const KpiInput = z.object({
  name: z.string().trim().min(1).max(60),
  unit: z.string().trim().min(1).max(10),
  target: z.number().int().min(1).max(10_000_000),
  source: KpiSource,
  /** the actual value of a manual KPI */
  manualValue: z.number().int().min(0).max(10_000_000).nullable().default(null),
});
export type KpiInput = z.infer<typeof KpiInput>;

export const CreateProjectInput = z.object({
  /** the buyer: a street or a community */
  buyerAreaId: z.uuid(),
  providerOrgId: z.uuid(),
  title: z.string().trim().min(1).max(100),
  category: ProjectCategory,
  contractNo: z.string().trim().min(1).max(50),
  startsOn: day,
  endsOn: day,
  /** yuan, whole fen (cents) */
  budgetCents: z.number().int().min(0).max(100_000_000_000),
  description: z.string().trim().max(2000).default(''),
  milestones: z.array(MilestoneInput).max(30).default([]),
  kpis: z.array(KpiInput).max(30).default([]),
  /** the scorecard; the default when omitted. Weights must sum to 100 (checked by the server, in the user's language) */
  scorecard: z.array(ScoreCriterion).min(1).max(10).optional(),
});
export type CreateProjectInput = z.infer<typeof CreateProjectInput>;

/** PUT /api/projects/:id: the contract facts, milestones (kept by id, new without), KPIs and scorecard as the form holds them. */
export const UpdateProjectInput = CreateProjectInput.omit({ buyerAreaId: true, milestones: true, kpis: true, scorecard: true }).extend({
  milestones: z.array(MilestoneInput.extend({ id: z.uuid().optional() })).max(30),
  kpis: z.array(KpiInput.omit({ manualValue: true }).extend({ id: z.uuid().optional() })).max(30),
  scorecard: z.array(ScoreCriterion).min(1).max(10),
});
export type UpdateProjectInput = z.infer<typeof UpdateProjectInput>;

export const ScorecardInput = z.object({ criteria: z.array(ScoreCriterion).min(1).max(10) });
export type ScorecardInput = z.infer<typeof ScorecardInput>;

export const ProjectLinkInput = z.object({ kind: ProjectLinkKind, targetId: z.uuid() });
export type ProjectLinkInput = z.infer<typeof ProjectLinkInput>;
/** DELETE /api/projects/:id/links/:kind/:targetId: one link, as the project lists it. */
export const ProjectLinkParams = ProjectLinkInput.extend({ id: z.uuid() });
export type ProjectLinkParams = z.infer<typeof ProjectLinkParams>;

export const MilestoneDoneInput = z.object({ doneOn: day.nullable(), note: z.string().trim().max(500).optional() });
export type MilestoneDoneInput = z.infer<typeof MilestoneDoneInput>;

export const KpiValueInput = z.object({ manualValue: z.number().int().min(0).max(10_000_000) });
export type KpiValueInput = z.infer<typeof KpiValueInput>;

export const EvidenceNoteInput = z.object({ title: z.string().trim().min(1).max(100), note: z.string().trim().max(2000).default('') });
export type EvidenceNoteInput = z.infer<typeof EvidenceNoteInput>;

export const AssignEvaluatorInput = z.object({ userId: z.uuid() });
export type AssignEvaluatorInput = z.infer<typeof AssignEvaluatorInput>;

export const SubmitEvaluationInput = z.object({
  scores: z.array(z.object({ key: z.string(), score: z.number().int().min(0).max(100), comment: z.string().trim().max(500).default('') })),
  comment: z.string().trim().max(2000).default(''),
});
export type SubmitEvaluationInput = z.infer<typeof SubmitEvaluationInput>;

export const ProjectParams = z.object({ id: z.uuid() });
export const ProjectItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const ProjectListQuery = z.object({ category: ProjectCategory.optional(), providerOrgId: z.uuid().optional() });
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;

const Progress = z.object({
  milestonesDone: z.number().int(),
  milestones: z.number().int(),
  /** mean KPI attainment, each capped at 100 % (0–100) */
  kpiAttainment: z.number(),
  /** half milestones, half KPIs (0–100) */
  percent: z.number(),
});

const Result = z.object({ score: z.number(), grade: ProjectGrade, evaluations: z.number().int() }).nullable();

export const ProjectSummaryDto = z
  .object({
    id: z.uuid(),
    title: z.string(),
    category: ProjectCategory,
    contractNo: z.string(),
    buyer: z.object({ id: z.uuid(), name: z.string() }),
    provider: z.object({ id: z.uuid(), name: z.string() }),
    startsOn: z.string(),
    endsOn: z.string(),
    budgetCents: z.number().int(),
    progress: Progress,
    result: Result,
    /** the evaluators assigned, and how many of them submitted */
    evaluators: z.number().int(),
    submitted: z.number().int(),
  })
  .meta({ id: 'ProjectSummary' });
export type ProjectSummaryDto = z.infer<typeof ProjectSummaryDto>;

export const ProjectListDto = z.object({ items: z.array(ProjectSummaryDto) });
export type ProjectListDto = z.infer<typeof ProjectListDto>;

export const EvaluationDto = z.object({
  id: z.uuid(),
  evaluator: z.object({ id: z.uuid(), name: z.string() }),
  scores: z.array(z.object({ key: z.string(), score: z.number().int(), comment: z.string() })),
  comment: z.string(),
  total: z.number(),
  submittedAt: z.string(),
  /** set when the buyer reopened it; the evaluator then scores again */
  supersededAt: z.string().nullable(),
});
export type EvaluationDto = z.infer<typeof EvaluationDto>;

export const ProjectAbility = z.enum(['edit', 'evidence', 'assign', 'evaluate', 'reopen']);
export type ProjectAbility = z.infer<typeof ProjectAbility>;

export const ProjectDto = ProjectSummaryDto.extend({
  description: z.string(),
  milestones: z.array(z.object({ id: z.uuid(), title: z.string(), dueOn: z.string(), doneOn: z.string().nullable(), note: z.string() })),
  kpis: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      unit: z.string(),
      target: z.number().int(),
      source: KpiSource,
      actual: z.number().int(),
      attainment: z.number(),
    }),
  ),
  /** `day`: an activity's day (YYYY-MM-DD, China time), so activities of one title tell apart; null for the rest */
  links: z.array(z.object({ kind: ProjectLinkKind, targetId: z.uuid(), name: z.string(), day: z.string().nullable() })),
  evidence: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      note: z.string(),
      file: z.object({ contentType: z.string(), size: z.number().int() }).nullable(),
      by: z.string(),
      at: z.string(),
    }),
  ),
  scorecard: z.array(ScoreCriterion),
  assigned: z.array(z.object({ id: z.uuid(), name: z.string(), submitted: z.boolean() })),
  /** every evaluation (the evaluator sees their own only) */
  evaluations: z.array(EvaluationDto),
  abilities: z.array(ProjectAbility),
}).meta({ id: 'Project' });
export type ProjectDto = z.infer<typeof ProjectDto>;

/** All projects of one provider organisation with their results over time. */
export const OrgProjectHistoryDto = z.object({
  org: z.object({ id: z.uuid(), name: z.string() }),
  items: z.array(ProjectSummaryDto),
});
export type OrgProjectHistoryDto = z.infer<typeof OrgProjectHistoryDto>;

/** Users who may be assigned as evaluators (role evaluator over the project's street). */
export const EvaluatorOptionsDto = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export type EvaluatorOptionsDto = z.infer<typeof EvaluatorOptionsDto>;

/** The title of an uploaded evidence file (its file name when omitted). */
export const EvidenceUploadQuery = z.object({ title: z.string().trim().min(1).max(100).optional() });
export type EvidenceUploadQuery = z.infer<typeof EvidenceUploadQuery>;
