import type { ProjectDto, ProjectLinkInput } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { changeProject } from '../manage.js';
import { PROJECT_MESSAGES } from '../messages.js';
import { canManageProject } from '../policy.js';
import { insertLink } from '../repo.js';
import { linkTargetExists } from '../repo-links.js';

/** POST /api/projects/:id/links: link an activity, a service or a programme of the project's area as counted evidence. */
export async function linkProjectRecord({ ctx, input }: VerbArgs<ProjectLinkInput & { projectId: string }>): Promise<ProjectDto> {
  return changeProject(ctx, input.projectId, {
    action: 'project.link',
    may: (p) => canManageProject(ctx.actor, p),
    apply: async (tctx, p) => {
      if (!(await linkTargetExists(tctx.tx, input.kind, input.targetId, p)))
        throw invalid([{ path: 'targetId', message: PROJECT_MESSAGES.linkUnknown()[ctx.locale] }]);
      const added = await insertLink(tctx.tx, { projectId: p.id, kind: input.kind, targetId: input.targetId });
      return { kind: input.kind, targetId: input.targetId, added };
    },
  });
}
