import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/pool.js';
import { jobRuns } from '../db/schema/index.js';
import { registerHealthProbe } from '../core/health.js';
import { safeErrorMessage } from '../db/connection-errors.js';

export type JobResult = Record<string, unknown>;

/** A pass that failed after doing part of its work: the runner logs it and keeps `result` with the error in job_runs. */
export class JobFailure extends Error {
  constructor(
    message: string,
    readonly result: JobResult,
  ) {
    super(message);
  }
}

/** One periodic job: `pass` does one bounded unit of work and reports what it did. */
export type Job = {
  name: string;
  everyMs: number;
  pass: (now: Date) => Promise<JobResult>;
};

export type JobRunner = {
  /** runs `name`'s next pass now instead of after its interval (a NOTIFY woke it) */
  wake: (name: string) => void;
  /** stops every loop and waits for passes under way; no timer survives it */
  stop: () => Promise<void>;
};

/**
 * Runs `fn` inside a transaction holding the advisory lock of `name`, so one server at a time makes the pass; the
 * others get `null` and try again on their next tick.
 */
export async function withJobLock<T>(db: Db, name: string, fn: (tx: Tx) => Promise<T>): Promise<T | null> {
  return db.transaction(async (tx) => {
    const r = await tx.execute<{ locked: boolean }>(sql`SELECT pg_try_advisory_xact_lock(hashtext(${`linli.job.${name}`})) AS locked`);
    if (!r.rows[0]?.locked) return null;
    return fn(tx);
  });
}

/** Stamps the job's last run for the system page. */
export async function recordJobRun(db: Db, name: string, startedAt: Date, result: JobResult): Promise<void> {
  const finishedAt = new Date();
  await db
    .insert(jobRuns)
    .values({ name, lastStartedAt: startedAt, lastFinishedAt: finishedAt, lastResult: result })
    .onConflictDoUpdate({ target: jobRuns.name, set: { lastStartedAt: startedAt, lastFinishedAt: finishedAt, lastResult: result } });
}

/**
 * A loop per job: a pass, then a timer for the next one, so a pass never overlaps itself. All state lives in the
 * database, so a restarted server simply carries on where the last pass stopped.
 */
export function startJobRunner(db: Db, jobs: readonly Job[], log: (msg: string) => void = () => undefined): JobRunner {
  let stopped = false;
  const loops = jobs.map((job) => {
    const loop = { timer: null as NodeJS.Timeout | null, running: null as Promise<void> | null, again: false, failures: 0 };
    const schedule = (ms: number) => {
      if (stopped) return;
      if (loop.timer) clearTimeout(loop.timer);
      loop.timer = setTimeout(tick, ms);
    };
    const tick = () => {
      loop.timer = null;
      if (stopped) return;
      if (loop.running) {
        loop.again = true;
        return;
      }
      loop.running = (async () => {
        const startedAt = new Date();
        try {
          const result = await job.pass(startedAt);
          await recordJobRun(db, job.name, startedAt, result);
          loop.failures = 0;
        } catch (e) {
          loop.failures++;
          log(`job ${job.name} failed: ${safeErrorMessage(e)}`);
          const partial = e instanceof JobFailure ? e.result : {};
          await recordJobRun(db, job.name, startedAt, { ...partial, error: safeErrorMessage(e) }).catch((err: unknown) =>
            log(`job ${job.name}: cannot record the failure: ${safeErrorMessage(err)}`),
          );
        }
      })().finally(() => {
        loop.running = null;
        // after a failure (the database away) try again soon: 1 s doubling, never later than the usual interval
        const retryMs = loop.failures ? Math.min(job.everyMs, 1000 * 2 ** Math.min(loop.failures - 1, 5)) : job.everyMs;
        schedule(loop.again ? 0 : retryMs);
        loop.again = false;
      });
    };
    schedule(0);
    return { job, loop, wake: () => schedule(0) };
  });
  const unregister = registerHealthProbe('jobs', () => {
    const failing = loops.filter((l) => l.loop.failures > 0).map((l) => l.job.name);
    return { up: failing.length === 0, detail: failing.length ? `failing: ${failing.join(', ')}` : undefined };
  });
  return {
    wake: (name) => loops.find((l) => l.job.name === name)?.wake(),
    stop: async () => {
      stopped = true;
      unregister();
      for (const { loop } of loops) if (loop.timer) clearTimeout(loop.timer);
      await Promise.all(loops.map(({ loop }) => loop.running));
    },
  };
}
