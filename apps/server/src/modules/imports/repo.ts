import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, importJobs } from '../../db/schema/index.js';
import type { CommunityRow } from './reference.js';

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
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, ['checking', 'importing'])));
}
