import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { importJobs } from '../../db/schema/index.js';
import { RUNNING_STATUSES } from './job-state.js';
import type { ImportJobRow, NewImportJob } from './repo.js';

export type { ImportJobRow } from './repo.js';

const leaseEnd = (leaseMs: number) => sql`now() + make_interval(secs => ${leaseMs / 1000})`;
const running = () => inArray(importJobs.status, [...RUNNING_STATUSES]);

/** Claims a run just started (in the caller's transaction, the row already locked): this server runs it. */
export async function claimRun(tx: Tx, id: string, runner: { id: string; leaseMs: number }, runBy: string | null): Promise<ImportJobRow> {
  const claim = { runBy, claimedBy: runner.id, leaseUntil: leaseEnd(runner.leaseMs), attempts: 1 };
  const [row] = await tx
    .update(importJobs)
    .set(claim)
    .where(and(eq(importJobs.id, id), running()))
    .returning();
  return row!;
}

/**
 * Claims one run whose lease ran out (its server died or never renewed): `FOR UPDATE SKIP LOCKED`, so of several
 * servers polling at once exactly one gets it; counts the attempt. Null when there is none.
 */
export async function claimExpiredRun(db: Db, runnerId: string, leaseMs: number): Promise<ImportJobRow | null> {
  const expired = db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(and(running(), or(isNull(importJobs.leaseUntil), lt(importJobs.leaseUntil, sql`now()`))))
    .orderBy(importJobs.updatedAt)
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(importJobs)
    .set({ claimedBy: runnerId, leaseUntil: leaseEnd(leaseMs), attempts: sql`${importJobs.attempts} + 1`, updatedAt: sql`now()` })
    .where(eq(importJobs.id, sql`(${expired})`))
    .returning();
  return row ?? null;
}

/** Extends this server's claim on a run under way; false when the claim is no longer its own. */
export async function renewLease(db: Db, id: string, runnerId: string, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(importJobs)
    .set({ leaseUntil: leaseEnd(leaseMs), updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, id), eq(importJobs.claimedBy, runnerId), running()))
    .returning({ id: importJobs.id });
  return rows.length > 0;
}

/** The final write of a run, only while this server still holds its claim (null when another took it over). */
export async function finishRun(db: Db, id: string, runnerId: string, patch: Partial<NewImportJob>): Promise<ImportJobRow | null> {
  const [row] = await db
    .update(importJobs)
    .set({ ...patch, claimedBy: null, leaseUntil: null, updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, id), eq(importJobs.claimedBy, runnerId)))
    .returning();
  return row ?? null;
}

/** Someone's claim on this run still holds (a server is running it). */
export const claimHolds = (job: ImportJobRow, now = Date.now()) => job.leaseUntil !== null && job.leaseUntil.getTime() > now;
