import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { type StoredReport, areaNodes, importJobs } from '../../db/schema/index.js';
import { OPEN_STATUSES, RUNNING_STATUSES } from './job-state.js';
import type { CommunityRow } from './reference.js';

export type { StoredProblem, StoredReport } from '../../db/schema/index.js';
export type ImportJobRow = typeof importJobs.$inferSelect;
export type NewImportJob = typeof importJobs.$inferInsert;

/** A community node with the ids its scope checks need, or null. */
export async function findCommunity(db: Db | Tx, id: string): Promise<CommunityRow | null> {
  const [row] = await db
    .select({ id: areaNodes.id, name: areaNodes.name, streetId: areaNodes.streetId, districtId: areaNodes.districtId })
    .from(areaNodes)
    .where(and(eq(areaNodes.id, id), eq(areaNodes.kind, 'community')));
  return row?.streetId && row.districtId ? { id: row.id, name: row.name, streetId: row.streetId, districtId: row.districtId } : null;
}

export async function findCommunityByCode(db: Db | Tx, code: string): Promise<CommunityRow | null> {
  const [row] = await db
    .select({ id: areaNodes.id })
    .from(areaNodes)
    .where(and(eq(areaNodes.code, code), eq(areaNodes.kind, 'community')));
  return row ? findCommunity(db, row.id) : null;
}

export async function insertJob(db: Db | Tx, job: NewImportJob): Promise<ImportJobRow> {
  const [row] = await db.insert(importJobs).values(job).returning();
  return row!;
}

export async function findJob(db: Db | Tx, id: string, lock = false): Promise<ImportJobRow | null> {
  const q = db.select().from(importJobs).where(eq(importJobs.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateJob(db: Db | Tx, id: string, patch: Partial<NewImportJob>): Promise<ImportJobRow> {
  const [row] = await db
    .update(importJobs)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(importJobs.id, id))
    .returning();
  return row!;
}

/** Progress of a running job; a job already finished keeps its final numbers. */
export async function setProgress(db: Db, id: string, done: number, total: number): Promise<void> {
  await db
    .update(importJobs)
    .set({ progressDone: done, progressTotal: total, updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, [...RUNNING_STATUSES])));
}

/** Serialises commits into one community (held until the transaction ends). */
export async function lockCommunityImports(tx: Tx, communityId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`linli.import:${communityId}`}))`);
}

/** Marks unfinished jobs untouched since `before` failed with `report` (its problem at each job's header row); answers their files. */
export async function expireIdleJobs(db: Db, before: Date, report: StoredReport): Promise<string[]> {
  const rows = await db
    .update(importJobs)
    .set({
      status: 'failed',
      report: sql`jsonb_set(${JSON.stringify(report)}::jsonb, '{errors,0,row}', to_jsonb(${importJobs.headerRow}))`,
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(inArray(importJobs.status, [...OPEN_STATUSES]), lt(importJobs.updatedAt, before)))
    .returning({ storedName: importJobs.storedName });
  return rows.map((r) => r.storedName);
}

/** The stored files of jobs that may still go on: not committed and touched since `since`. */
export async function storedNamesInUse(db: Db, since: Date): Promise<Set<string>> {
  const rows = await db
    .select({ storedName: importJobs.storedName })
    .from(importJobs)
    .where(and(ne(importJobs.status, 'done'), gte(importJobs.updatedAt, since)));
  return new Set(rows.map((r) => r.storedName));
}
