import type { ProjectDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { loadProject, projectDetail } from '../access.js';

/** GET /api/projects/:id: the project with milestones, live KPIs, evidence and evaluations (404 outside scope or unassigned). */
export async function getProject({ ctx, input }: VerbArgs<{ id: string }>): Promise<ProjectDto> {
  const p = await loadProject(ctx, ctx.db, input.id);
  return projectDetail(ctx.db, ctx.actor, p.id);
}
