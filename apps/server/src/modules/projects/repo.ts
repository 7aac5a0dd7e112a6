import type { ProjectListQuery } from '@linli/contracts';
import { type SQL, and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { PgTransaction, alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/pool.js';
import type { ProjectListScope } from './policy.js';
import {
  areaNodes,
  handlerOrgs,
  projectEvaluators,
  projectEvidence,
  projectKpis,
  projectLinks,
  projectMilestones,
  serviceProjects,
  users,
} from '../../db/schema/index.js';

type Conn = Db | Tx;
export type ProjectRow = typeof serviceProjects.$inferSelect;

/**
 * Independent reads: at once on the pool, one after another inside a transaction, whose single client must not be
 * sent a query while it runs one (pg warns "client.query() when the client is already executing a query").
 */
export async function readAll<T extends readonly unknown[]>(db: Conn, reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as unknown as T;
}

const buyer = alias(areaNodes, 'buyer');

/** A project with its buyer's and provider's names and the ids of its assigned evaluators. */
const viewFields = {
  project: serviceProjects,
  buyerName: buyer.name,
  providerName: handlerOrgs.name,
  evaluatorIds: sql<string[]>`coalesce((SELECT array_agg(${projectEvaluators.userId}::text) FROM ${projectEvaluators}
    WHERE ${projectEvaluators.projectId} = ${serviceProjects.id}), '{}')`,
};
export type ProjectView = ProjectRow & { buyerName: string; providerName: string; evaluatorIds: string[] };

const flatten = (r: { project: ProjectRow; buyerName: string; providerName: string; evaluatorIds: string[] }): ProjectView => ({
  ...r.project,
  buyerName: r.buyerName,
  providerName: r.providerName,
  evaluatorIds: r.evaluatorIds,
});

function viewQuery(db: Conn) {
  return db
    .select(viewFields)
    .from(serviceProjects)
    .innerJoin(buyer, eq(buyer.id, serviceProjects.buyerAreaId))
    .innerJoin(handlerOrgs, eq(handlerOrgs.id, serviceProjects.providerOrgId));
}

export async function findProjectView(db: Conn, id: string): Promise<ProjectView | undefined> {
  const [row] = await viewQuery(db).where(eq(serviceProjects.id, id));
  return row && flatten(row);
}

/** Projects matching `where` (the caller's scope filter), newest first. */
async function listProjectViews(db: Conn, where: SQL | undefined): Promise<ProjectView[]> {
  const rows = await viewQuery(db).where(where).orderBy(desc(serviceProjects.startsOn), asc(serviceProjects.title));
  return rows.map(flatten);
}

/** The projects inside the policy's list scope, with the list's filters. */
export async function listProjectViewsIn(db: Conn, scope: ProjectListScope, q: ProjectListQuery): Promise<ProjectView[]> {
  let inScope: SQL | undefined;
  if (!scope.all) {
    const parts: SQL[] = [];
    if (scope.districts.length) parts.push(inArray(serviceProjects.districtId, scope.districts));
    if (scope.streets.length) parts.push(inArray(serviceProjects.streetId, scope.streets));
    if (scope.communities.length) parts.push(inArray(serviceProjects.communityId, scope.communities));
    if (scope.providers.length) parts.push(inArray(serviceProjects.providerOrgId, scope.providers));
    if (scope.evaluatorId)
      parts.push(
        sql`${serviceProjects.id} IN (SELECT ${projectEvaluators.projectId} FROM ${projectEvaluators} WHERE ${projectEvaluators.userId} = ${scope.evaluatorId})`,
      );
    inScope = parts.length ? or(...parts) : sql`false`;
  }
  return listProjectViews(
    db,
    and(
      inScope,
      q.category ? eq(serviceProjects.category, q.category) : undefined,
      q.providerOrgId ? eq(serviceProjects.providerOrgId, q.providerOrgId) : undefined,
    ),
  );
}

/** Every project of one provider organisation. */
export const listProviderProjects = (db: Conn, orgId: string) => listProjectViews(db, eq(serviceProjects.providerOrgId, orgId));

export async function lockProject(tx: Tx, id: string): Promise<ProjectRow | undefined> {
  const [row] = await tx.select().from(serviceProjects).where(eq(serviceProjects.id, id)).for('update');
  return row;
}

/** A street or community node with its scope ids. */
export async function findBuyerArea(db: Conn, id: string) {
  const [row] = await db
    .select({
      id: areaNodes.id,
      kind: areaNodes.kind,
      districtId: areaNodes.districtId,
      streetId: areaNodes.streetId,
      communityId: areaNodes.communityId,
    })
    .from(areaNodes)
    .where(and(eq(areaNodes.id, id), inArray(areaNodes.kind, ['street', 'community'])));
  return row;
}

export async function findProviderOrg(db: Conn, id: string) {
  const [row] = await db
    .select({ id: handlerOrgs.id, name: handlerOrgs.name, streetId: handlerOrgs.streetId, districtId: handlerOrgs.districtId })
    .from(handlerOrgs)
    .where(and(eq(handlerOrgs.id, id), eq(handlerOrgs.kind, 'social_org')));
  return row;
}

export async function insertProject(
  tx: Tx,
  values: typeof serviceProjects.$inferInsert,
  milestones: Omit<typeof projectMilestones.$inferInsert, 'projectId' | 'position'>[],
  kpis: Omit<typeof projectKpis.$inferInsert, 'projectId' | 'position'>[],
): Promise<ProjectRow> {
  const [row] = await tx.insert(serviceProjects).values(values).returning();
  if (milestones.length) await tx.insert(projectMilestones).values(milestones.map((m, i) => ({ ...m, projectId: row!.id, position: i })));
  if (kpis.length) await tx.insert(projectKpis).values(kpis.map((k, i) => ({ ...k, projectId: row!.id, position: i })));
  return row!;
}

export async function updateScorecard(tx: Tx, id: string, scorecard: ProjectRow['scorecard']) {
  await tx.update(serviceProjects).set({ scorecard }).where(eq(serviceProjects.id, id));
}

export async function milestonesOf(db: Conn, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db
    .select()
    .from(projectMilestones)
    .where(inArray(projectMilestones.projectId, projectIds))
    .orderBy(projectMilestones.projectId, projectMilestones.position);
}

export async function kpisOf(db: Conn, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db
    .select()
    .from(projectKpis)
    .where(inArray(projectKpis.projectId, projectIds))
    .orderBy(projectKpis.projectId, projectKpis.position);
}

export async function setMilestoneDone(tx: Tx, projectId: string, id: string, doneOn: string | null, note?: string) {
  const [row] = await tx
    .update(projectMilestones)
    .set({ doneOn, ...(note === undefined ? {} : { note }) })
    .where(and(eq(projectMilestones.id, id), eq(projectMilestones.projectId, projectId)))
    .returning({ id: projectMilestones.id });
  return row;
}

export async function findKpi(db: Conn, projectId: string, id: string) {
  const [row] = await db
    .select()
    .from(projectKpis)
    .where(and(eq(projectKpis.id, id), eq(projectKpis.projectId, projectId)));
  return row;
}

export async function setKpiValue(tx: Tx, id: string, manualValue: number) {
  await tx.update(projectKpis).set({ manualValue }).where(eq(projectKpis.id, id));
}

export async function insertLink(tx: Tx, values: typeof projectLinks.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(projectLinks).values(values).onConflictDoNothing().returning({ id: projectLinks.targetId });
  return rows.length > 0;
}

export async function insertEvidence(tx: Tx, values: typeof projectEvidence.$inferInsert) {
  const [row] = await tx.insert(projectEvidence).values(values).returning();
  return row!;
}

export async function evidenceOf(db: Conn, projectId: string) {
  return db
    .select({ evidence: projectEvidence, by: users.displayName })
    .from(projectEvidence)
    .innerJoin(users, eq(users.id, projectEvidence.createdBy))
    .where(eq(projectEvidence.projectId, projectId))
    .orderBy(desc(projectEvidence.createdAt));
}

export async function findEvidence(db: Conn, projectId: string, id: string) {
  const [row] = await db
    .select()
    .from(projectEvidence)
    .where(and(eq(projectEvidence.id, id), eq(projectEvidence.projectId, projectId)));
  return row;
}
