import type { ProjectListDto, ProjectListQuery } from '@linli/contracts';
import { hasAbility } from '../../../core/actor.js';
import type { VerbArgs } from '../../../core/context.js';
import { forbidden } from '../../../core/errors.js';
import { summarise } from '../access.js';
import { projectListScope } from '../policy.js';
import { listProjectViewsIn } from '../repo.js';

/** GET /api/projects: the projects the actor reads (an evaluator: those assigned to them), with progress and result. */
export async function listProjects({ ctx, input }: VerbArgs<ProjectListQuery>): Promise<ProjectListDto> {
  if (!hasAbility(ctx.actor, 'projects.read') && !hasAbility(ctx.actor, 'projects.evaluate')) throw forbidden();
  const views = await listProjectViewsIn(ctx.db, projectListScope(ctx.actor), input);
  return { items: await summarise(ctx.db, views) };
}
