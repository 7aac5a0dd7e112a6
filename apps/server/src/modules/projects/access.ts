import type { ProjectDto, ProjectSummaryDto } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { authorize } from '../../core/authorize.js';
import type { AuthedCtx } from '../../core/context.js';
import type { Db, Tx } from '../../db/pool.js';
import { canManageProject, canSeeProject } from './policy.js';
import { presentProject, presentSummary } from './presenter.js';
import { type ProjectView, evidenceOf, findProjectView, kpisOf, milestonesOf, readAll } from './repo.js';
import { assignedOf, evaluationsOf } from './repo-evaluation.js';
import { linksOf, liveCounts } from './repo-links.js';

/** The project if the actor sees it (else 404), and may manage it when `manage` is asked (else 403). */
export async function loadProject(ctx: AuthedCtx, db: Db | Tx, id: string, manage = false): Promise<ProjectView> {
  return authorize(await findProjectView(db, id), {
    see: (p) => canSeeProject(ctx.actor, p),
    act: manage ? (p) => canManageProject(ctx.actor, p) : undefined,
    entity: 'project',
  });
}

/** Summaries of many projects with four queries in all. */
export async function summarise(db: Db | Tx, views: ProjectView[]): Promise<ProjectSummaryDto[]> {
  const ids = views.map((v) => v.id);
  const [milestones, kpis, live, evaluations] = await readAll(db, [
    () => milestonesOf(db, ids),
    () => kpisOf(db, ids),
    () => liveCounts(db, ids),
    () => evaluationsOf(db, ids),
  ]);
  return views.map((v) =>
    presentSummary(v, {
      milestones: milestones.filter((m) => m.projectId === v.id),
      kpis: kpis.filter((k) => k.projectId === v.id),
      live: live.get(v.id),
      evaluations: evaluations.filter((e) => e.projectId === v.id),
    }),
  );
}

/** The full project as the actor may see it. */
export async function projectDetail(db: Db | Tx, actor: Actor, id: string): Promise<ProjectDto> {
  const view = (await findProjectView(db, id))!;
  const ids = [id];
  const [milestones, kpis, live, evaluations, links, evidence, assigned] = await readAll(db, [
    () => milestonesOf(db, ids),
    () => kpisOf(db, ids),
    () => liveCounts(db, ids),
    () => evaluationsOf(db, ids),
    () => linksOf(db, id),
    () => evidenceOf(db, id),
    () => assignedOf(db, id),
  ]);
  return presentProject(actor, view, { milestones, kpis, live: live.get(id), evaluations, links, evidence, assigned });
}
