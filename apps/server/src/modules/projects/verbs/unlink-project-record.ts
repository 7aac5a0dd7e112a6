import type { ProjectDto, ProjectLinkInput } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { changeProject } from '../manage.js';
import { PROJECT_MESSAGES } from '../messages.js';
import { canManageProject } from '../policy.js';
import { deleteLink } from '../repo-links.js';

/** DELETE /api/projects/:id/links/:kind/:targetId: stop counting a linked activity, service or programme towards the KPIs. */
export async function unlinkProjectRecord({ ctx, input }: VerbArgs<ProjectLinkInput & { projectId: string }>): Promise<ProjectDto> {
  return changeProject(ctx, input.projectId, {
    action: 'project.unlink',
    may: (p) => canManageProject(ctx.actor, p),
    apply: async (tctx, p) => {
      if (!(await deleteLink(tctx.tx, p.id, input.kind, input.targetId)))
        throw invalid([{ path: 'targetId', message: PROJECT_MESSAGES.notLinked()[ctx.locale] }]);
      return { kind: input.kind, targetId: input.targetId };
    },
  });
}
