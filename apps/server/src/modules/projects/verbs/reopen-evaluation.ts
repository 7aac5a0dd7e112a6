import type { ProjectDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { changeProject } from '../manage.js';
import { canManageProject } from '../policy.js';
import { findLiveEvaluation, supersedeEvaluation } from '../repo-evaluation.js';

/** POST /api/projects/:id/evaluations/:itemId/reopen: the buyer supersedes a submitted evaluation; it stays in the history. */
export async function reopenEvaluation({ ctx, input }: VerbArgs<{ projectId: string; evaluationId: string }>): Promise<ProjectDto> {
  return changeProject(ctx, input.projectId, {
    action: 'project.reopen',
    may: (p) => canManageProject(ctx.actor, p),
    apply: async (tctx, p) => {
      const row = await findLiveEvaluation(tctx.tx, p.id, input.evaluationId);
      if (!row) throw notFound('evaluation');
      await supersedeEvaluation(tctx.tx, row.id);
      return { evaluationId: row.id, evaluatorId: row.evaluatorId, total: row.total };
    },
  });
}
