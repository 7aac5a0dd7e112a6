import type { UpdateProjectInput } from '@linli/contracts';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Tx } from '../../db/pool.js';
import { projectEvaluations, projectEvaluators, projectKpis, projectMilestones, serviceProjects } from '../../db/schema/index.js';

type Facts = Omit<UpdateProjectInput, 'milestones' | 'kpis'>;

export async function updateProjectFacts(tx: Tx, id: string, facts: Facts) {
  await tx.update(serviceProjects).set(facts).where(eq(serviceProjects.id, id));
}

/** The ids of the project's milestones and KPIs (the form may only keep its own). */
export async function itemIdsOf(tx: Tx, projectId: string) {
  // one after another: the transaction's one client takes one query at a time
  const ms = await tx.select({ id: projectMilestones.id }).from(projectMilestones).where(eq(projectMilestones.projectId, projectId));
  const ks = await tx
    .select({ id: projectKpis.id, source: projectKpis.source })
    .from(projectKpis)
    .where(eq(projectKpis.projectId, projectId));
  return { milestones: new Set(ms.map((m) => m.id)), kpis: new Map(ks.map((k) => [k.id, k.source])) };
}

/** Milestones as the form holds them: kept ones updated (their done date stays), new ones added, the rest removed. */
export async function syncMilestones(tx: Tx, projectId: string, items: UpdateProjectInput['milestones']) {
  const kept = items.flatMap((m) => (m.id ? [m.id] : []));
  await tx
    .delete(projectMilestones)
    .where(and(eq(projectMilestones.projectId, projectId), kept.length ? notInArray(projectMilestones.id, kept) : undefined));
  for (const [position, { id, ...m }] of items.entries()) {
    if (id)
      await tx
        .update(projectMilestones)
        .set({ ...m, position })
        .where(eq(projectMilestones.id, id));
    else await tx.insert(projectMilestones).values({ ...m, projectId, position });
  }
}

/** KPIs likewise; a KPI that stops being manual loses its typed value. */
export async function syncKpis(tx: Tx, projectId: string, items: UpdateProjectInput['kpis']) {
  const kept = items.flatMap((k) => (k.id ? [k.id] : []));
  await tx.delete(projectKpis).where(and(eq(projectKpis.projectId, projectId), kept.length ? notInArray(projectKpis.id, kept) : undefined));
  for (const [position, { id, ...k }] of items.entries()) {
    const manual = k.source === 'manual' ? {} : { manualValue: null };
    if (id)
      await tx
        .update(projectKpis)
        .set({ ...k, ...manual, position })
        .where(eq(projectKpis.id, id));
    else await tx.insert(projectKpis).values({ ...k, projectId, position });
  }
}

/** Whether the evaluator ever submitted on the project (a reopened evaluation still counts: it is history). */
export async function hasSubmitted(tx: Tx, projectId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: projectEvaluations.id })
    .from(projectEvaluations)
    .where(and(eq(projectEvaluations.projectId, projectId), eq(projectEvaluations.evaluatorId, userId)))
    .limit(1);
  return rows.length > 0;
}

export async function unassignEvaluator(tx: Tx, projectId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .delete(projectEvaluators)
    .where(and(eq(projectEvaluators.projectId, projectId), eq(projectEvaluators.userId, userId)))
    .returning({ id: projectEvaluators.userId });
  return rows.length > 0;
}
