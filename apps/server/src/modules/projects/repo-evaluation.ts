import type { Role } from '@linli/contracts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { type CriterionScore, projectEvaluations, projectEvaluators, roleAssignments, users } from '../../db/schema/index.js';
import type { ProjectRow } from './repo.js';

type Conn = Db | Tx;
export type EvaluationRow = typeof projectEvaluations.$inferSelect & { evaluatorName: string };

/** Users holding one of `roles` on the project's district, street or community: who may be assigned to score it. */
export async function evaluatorCandidates(db: Conn, project: Pick<ProjectRow, 'districtId' | 'streetId' | 'communityId'>, roles: Role[]) {
  const areas = [project.districtId, project.streetId, ...(project.communityId ? [project.communityId] : [])];
  return db
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(inArray(roleAssignments.role, roles), inArray(roleAssignments.areaId, areas)))
    .orderBy(asc(users.displayName), asc(users.id));
}

export async function assignEvaluator(tx: Tx, projectId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .insert(projectEvaluators)
    .values({ projectId, userId })
    .onConflictDoNothing()
    .returning({ id: projectEvaluators.userId });
  return rows.length > 0;
}

export async function assignedOf(db: Conn, projectId: string) {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(projectEvaluators)
    .innerJoin(users, eq(users.id, projectEvaluators.userId))
    .where(eq(projectEvaluators.projectId, projectId))
    .orderBy(projectEvaluators.assignedAt);
}

/** Evaluations of the projects, live and superseded (only one evaluator's when `evaluatorId` is given). */
export async function evaluationsOf(db: Conn, projectIds: string[], evaluatorId?: string): Promise<EvaluationRow[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .select({ e: projectEvaluations, evaluatorName: users.displayName })
    .from(projectEvaluations)
    .innerJoin(users, eq(users.id, projectEvaluations.evaluatorId))
    .where(
      and(inArray(projectEvaluations.projectId, projectIds), evaluatorId ? eq(projectEvaluations.evaluatorId, evaluatorId) : undefined),
    )
    .orderBy(projectEvaluations.submittedAt);
  return rows.map((r) => ({ ...r.e, evaluatorName: r.evaluatorName }));
}

/** Writes a submitted evaluation; a live one of the same evaluator makes the unique index refuse it. */
export async function insertEvaluation(
  tx: Tx,
  values: { projectId: string; evaluatorId: string; scores: CriterionScore[]; comment: string; total: number },
) {
  const [row] = await tx.insert(projectEvaluations).values(values).returning();
  return row!;
}

export async function findLiveEvaluation(db: Conn, projectId: string, evaluationId: string) {
  const [row] = await db
    .select()
    .from(projectEvaluations)
    .where(
      and(eq(projectEvaluations.id, evaluationId), eq(projectEvaluations.projectId, projectId), isNull(projectEvaluations.supersededAt)),
    );
  return row;
}

export async function supersedeEvaluation(tx: Tx, id: string) {
  await tx.update(projectEvaluations).set({ supersededAt: new Date() }).where(eq(projectEvaluations.id, id));
}

export async function hasLiveEvaluations(db: Conn, projectId: string): Promise<boolean> {
  const rows = await db
    .select({ id: projectEvaluations.id })
    .from(projectEvaluations)
    .where(and(eq(projectEvaluations.projectId, projectId), isNull(projectEvaluations.supersededAt)))
    .limit(1);
  return rows.length > 0;
}
