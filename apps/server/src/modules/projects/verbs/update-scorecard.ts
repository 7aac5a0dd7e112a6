import type { ProjectDto, ScorecardInput } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { conflict, invalid } from '../../../core/errors.js';
import { changeProject } from '../manage.js';
import { PROJECT_MESSAGES } from '../messages.js';
import { canManageProject } from '../policy.js';
import { scorecardProblem } from '../progress.js';
import { updateScorecard } from '../repo.js';
import { hasLiveEvaluations } from '../repo-evaluation.js';

/** PUT /api/projects/:id/scorecard: the buyer configures the criteria and weights (Σ = 100) before anyone has scored. */
export async function setProjectScorecard({ ctx, input }: VerbArgs<ScorecardInput & { projectId: string }>): Promise<ProjectDto> {
  return changeProject(ctx, input.projectId, {
    action: 'project.scorecard',
    may: (p) => canManageProject(ctx.actor, p),
    apply: async (tctx, p) => {
      const problem = scorecardProblem(input.criteria);
      if (problem) throw invalid([{ path: 'criteria', message: PROJECT_MESSAGES[problem]()[ctx.locale] }]);
      if (await hasLiveEvaluations(tctx.tx, p.id)) throw conflict(PROJECT_MESSAGES.scorecardLocked()[ctx.locale]);
      await updateScorecard(tctx.tx, p.id, input.criteria);
      return { criteria: input.criteria.map((c) => `${c.key}:${c.weight}`) };
    },
  });
}
