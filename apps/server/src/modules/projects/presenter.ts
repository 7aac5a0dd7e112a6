import type { EvaluationDto, ProjectDto, ProjectSummaryDto } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { canReadProject, projectAbilities } from './policy.js';
import { attainmentOf, kpiActual, progressOf, resultOf } from './progress.js';
import type { ProjectView, evidenceOf, kpisOf, milestonesOf } from './repo.js';
import type { EvaluationRow } from './repo-evaluation.js';
import type { LiveCounts, linksOf } from './repo-links.js';

type Milestones = Awaited<ReturnType<typeof milestonesOf>>;
type Kpis = Awaited<ReturnType<typeof kpisOf>>;

export type SummaryParts = { milestones: Milestones; kpis: Kpis; live: LiveCounts | undefined; evaluations: EvaluationRow[] };
export type DetailParts = SummaryParts & {
  links: Awaited<ReturnType<typeof linksOf>>;
  evidence: Awaited<ReturnType<typeof evidenceOf>>;
  assigned: { id: string; name: string }[];
};

const liveOnly = (evaluations: EvaluationRow[]) => evaluations.filter((e) => e.supersededAt === null);

export function presentSummary(p: ProjectView, parts: SummaryParts): ProjectSummaryDto {
  const live = liveOnly(parts.evaluations);
  return {
    id: p.id,
    title: p.title,
    category: p.category,
    contractNo: p.contractNo,
    buyer: { id: p.buyerAreaId, name: p.buyerName },
    provider: { id: p.providerOrgId, name: p.providerName },
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    budgetCents: p.budgetCents,
    progress: progressOf(parts.milestones, parts.kpis, parts.live),
    result: resultOf(live),
    evaluators: p.evaluatorIds.length,
    submitted: new Set(live.map((e) => e.evaluatorId)).size,
  };
}

export const presentEvaluation = (e: EvaluationRow): EvaluationDto => ({
  id: e.id,
  evaluator: { id: e.evaluatorId, name: e.evaluatorName },
  scores: e.scores,
  comment: e.comment,
  total: e.total,
  submittedAt: e.submittedAt.toISOString(),
  supersededAt: e.supersededAt?.toISOString() ?? null,
});

/** The full project; an evaluator who is not also a reader sees their own evaluations only. */
export function presentProject(actor: Actor, p: ProjectView, parts: DetailParts): ProjectDto {
  const mine = parts.evaluations.filter((e) => e.evaluatorId === actor.userId);
  const shown = canReadProject(actor, p) ? parts.evaluations : mine;
  const hasLive = mine.some((e) => e.supersededAt === null);
  const liveIds = new Set(liveOnly(parts.evaluations).map((e) => e.evaluatorId));
  return {
    ...presentSummary(p, parts),
    description: p.description,
    milestones: parts.milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn, note: m.note })),
    kpis: parts.kpis.map((k) => {
      const actual = kpiActual(k, parts.live);
      return {
        id: k.id,
        name: k.name,
        unit: k.unit,
        target: k.target,
        source: k.source,
        actual,
        attainment: attainmentOf(actual, k.target),
      };
    }),
    links: parts.links,
    evidence: parts.evidence.map(({ evidence: e, by }) => ({
      id: e.id,
      title: e.title,
      note: e.note,
      file: e.contentType && e.size !== null ? { contentType: e.contentType, size: e.size } : null,
      by,
      at: e.createdAt.toISOString(),
    })),
    scorecard: p.scorecard,
    assigned: parts.assigned.map((u) => ({ ...u, submitted: liveIds.has(u.id) })),
    evaluations: shown.map(presentEvaluation),
    abilities: projectAbilities(actor, p, hasLive),
  };
}
