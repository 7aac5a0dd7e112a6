import type { MilestoneDoneInput, ProjectDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { changeProject } from '../manage.js';
import { canManageProject } from '../policy.js';
import { setMilestoneDone } from '../repo.js';

/** PATCH /api/projects/:id/milestones/:itemId: the buyer marks a milestone done on a day (or not done: null). */
export async function completeMilestone({
  ctx,
  input,
}: VerbArgs<MilestoneDoneInput & { projectId: string; milestoneId: string }>): Promise<ProjectDto> {
  return changeProject(ctx, input.projectId, {
    action: 'project.milestone',
    may: (p) => canManageProject(ctx.actor, p),
    apply: async (tctx, p) => {
      if (!(await setMilestoneDone(tctx.tx, p.id, input.milestoneId, input.doneOn, input.note))) throw notFound('milestone');
      return { milestoneId: input.milestoneId, doneOn: input.doneOn };
    },
  });
}
