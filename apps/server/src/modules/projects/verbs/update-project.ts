import type { FieldIssue, ProjectDto, UpdateProjectInput } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { conflict, invalid, isUniqueViolation } from '../../../core/errors.js';
import { changeProject } from '../manage.js';
import { PROJECT_MESSAGES } from '../messages.js';
import { canManageProject } from '../policy.js';
import { scorecardProblem } from '../progress.js';
import { findProviderOrg } from '../repo.js';
import { itemIdsOf, syncKpis, syncMilestones, updateProjectFacts } from '../repo-edit.js';
import { hasLiveEvaluations } from '../repo-evaluation.js';

const sameScorecard = (a: UpdateProjectInput['scorecard'], b: UpdateProjectInput['scorecard']) => JSON.stringify(a) === JSON.stringify(b);

/** PUT /api/projects/:id: the buyer edits the contract facts, milestones, KPIs and scorecard (the buyer stays). */
export async function updateProject({ ctx, input }: VerbArgs<UpdateProjectInput & { projectId: string }>): Promise<ProjectDto> {
  const m = PROJECT_MESSAGES;
  const { projectId, milestones, kpis, ...facts } = input;
  return changeProject(ctx, projectId, {
    action: 'project.update',
    may: (p) => canManageProject(ctx.actor, p),
    apply: async (tctx, p) => {
      const issues: FieldIssue[] = [];
      const provider = await findProviderOrg(tctx.tx, facts.providerOrgId);
      if (!provider || provider.streetId !== p.streetId) issues.push({ path: 'providerOrgId', message: m.providerUnknown()[ctx.locale] });
      if (facts.endsOn < facts.startsOn) issues.push({ path: 'endsOn', message: m.period()[ctx.locale] });
      const problem = scorecardProblem(facts.scorecard);
      if (problem) issues.push({ path: 'scorecard', message: m[problem]()[ctx.locale] });
      const own = await itemIdsOf(tctx.tx, p.id);
      milestones.forEach((x, i) => {
        if (x.id && !own.milestones.has(x.id)) issues.push({ path: `milestones.${i}.title`, message: m.itemUnknown()[ctx.locale] });
      });
      kpis.forEach((x, i) => {
        if (x.id && !own.kpis.has(x.id)) issues.push({ path: `kpis.${i}.name`, message: m.itemUnknown()[ctx.locale] });
      });
      if (issues.length) throw invalid(issues);
      if (!sameScorecard(facts.scorecard, p.scorecard) && (await hasLiveEvaluations(tctx.tx, p.id)))
        throw conflict(m.scorecardLocked()[ctx.locale], { issues: [{ path: 'scorecard', message: m.scorecardLocked()[ctx.locale] }] });
      await updateProjectFacts(tctx.tx, p.id, facts).catch((e: unknown) => {
        if (isUniqueViolation(e))
          throw conflict(m.contractTaken()[ctx.locale], { issues: [{ path: 'contractNo', message: m.contractTaken()[ctx.locale] }] });
        throw e;
      });
      await syncMilestones(tctx.tx, p.id, milestones);
      await syncKpis(tctx.tx, p.id, kpis);
      return { contractNo: facts.contractNo, budgetCents: facts.budgetCents, milestones: milestones.length, kpis: kpis.length };
    },
  });
}
