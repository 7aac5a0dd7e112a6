import type { AssignEvaluatorInput, ProjectDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { changeProject } from '../manage.js';
import { PROJECT_MESSAGES } from '../messages.js';
import { EVALUATOR_ROLES, canManageProject } from '../policy.js';
import { assignEvaluator, evaluatorCandidates } from '../repo-evaluation.js';

/** POST /api/projects/:id/evaluators: the buyer assigns a third-party evaluator of its area to score the project. */
export async function assignProjectEvaluator({ ctx, input }: VerbArgs<AssignEvaluatorInput & { projectId: string }>): Promise<ProjectDto> {
  return changeProject(ctx, input.projectId, {
    action: 'project.assign',
    may: (p) => canManageProject(ctx.actor, p),
    apply: async (tctx, p) => {
      const candidates = await evaluatorCandidates(tctx.tx, p, EVALUATOR_ROLES);
      if (!candidates.some((c) => c.id === input.userId))
        throw invalid([{ path: 'userId', message: PROJECT_MESSAGES.evaluatorUnknown()[ctx.locale] }]);
      return { userId: input.userId, added: await assignEvaluator(tctx.tx, p.id, input.userId) };
    },
  });
}
