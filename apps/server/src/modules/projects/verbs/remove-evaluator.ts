import type { ProjectDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { conflict, notFound } from '../../../core/errors.js';
import { changeProject } from '../manage.js';
import { PROJECT_MESSAGES } from '../messages.js';
import { canManageProject } from '../policy.js';
import { hasSubmitted, unassignEvaluator } from '../repo-edit.js';

/** DELETE /api/projects/:id/evaluators/:itemId: the buyer withdraws an assignment, refused once that evaluator has submitted. */
export async function removeProjectEvaluator({ ctx, input }: VerbArgs<{ projectId: string; userId: string }>): Promise<ProjectDto> {
  return changeProject(ctx, input.projectId, {
    action: 'project.unassign',
    may: (p) => canManageProject(ctx.actor, p),
    apply: async (tctx, p) => {
      if (!p.evaluatorIds.includes(input.userId)) throw notFound('evaluator');
      if (await hasSubmitted(tctx.tx, p.id, input.userId)) throw conflict(PROJECT_MESSAGES.evaluatorSubmitted()[ctx.locale]);
      await unassignEvaluator(tctx.tx, p.id, input.userId);
      return { userId: input.userId };
    },
  });
}
