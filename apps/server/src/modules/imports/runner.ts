import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../db/pool.js';
import { type ImportJobRow, claimExpiredRun, renewLease } from './repo-claims.js';

/**
 * Background runs of import jobs, claimed from the database so any server can run them: the server that starts a
 * run claims it in the same transaction (claimed_by, lease_until); while it runs, the lease is renewed; a run whose
 * lease ran out (its server died) is claimed by the next server that polls (`FOR UPDATE SKIP LOCKED`: one claimer).
 */
export type Runner = {
  /** the name this server claims runs under */
  readonly id: string;
  readonly leaseMs: number;
  /** Runs a job this server has just claimed (with the request's context when a user started it here). */
  start(job: ImportJobRow, ctx?: Ctx): void;
  isRunning(id: string): boolean;
  /** Claims and starts the runs whose lease ran out; answers how many it took. */
  poll(): Promise<number>;
  /** Resolves when no run of this server is under way. */
  idle(): Promise<void>;
  /** Stops polling and waits for the runs under way. */
  stop(): Promise<void>;
};

export type RunnerOptions = {
  db: Db;
  /** does the run; its final write must be conditional on the claim (finishRun) */
  work: (job: ImportJobRow, runnerId: string, ctx?: Ctx) => Promise<void>;
  log: (e: unknown) => void;
  /** how long a claim holds without renewal (renewed every third of it) */
  leaseMs?: number;
  /** how often to look for runs left by a dead server; 0 = only when asked (poll) */
  pollMs?: number;
  id?: string;
};

export const DEFAULT_LEASE_MS = 60_000;
export const DEFAULT_POLL_MS = 20_000;

export function createRunner(opts: RunnerOptions): Runner {
  const id = opts.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const start = (job: ImportJobRow, ctx?: Ctx) => {
    const heartbeat = setInterval(
      () => {
        renewLease(opts.db, job.id, id, leaseMs).then((held) => {
          if (!held) opts.log(new Error(`import ${job.id}: this server lost its claim on the run`));
        }, opts.log);
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    const p = Promise.resolve()
      .then(() => opts.work(job, id, ctx))
      .catch(opts.log)
      .finally(() => {
        clearInterval(heartbeat);
        running.delete(job.id);
      });
    running.set(job.id, p);
  };

  const poll = async () => {
    let taken = 0;
    while (!stopped) {
      const job = await claimExpiredRun(opts.db, id, leaseMs);
      if (!job) break;
      start(job);
      taken++;
    }
    return taken;
  };

  const pollMs = opts.pollMs ?? DEFAULT_POLL_MS;
  const timer = pollMs > 0 ? setInterval(() => void poll().catch(opts.log), pollMs) : null;
  timer?.unref();

  const idle = async () => {
    while (running.size > 0) await Promise.allSettled([...running.values()]);
  };
  return {
    id,
    leaseMs,
    start,
    isRunning: (jobId) => running.has(jobId),
    poll,
    idle,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await idle();
    },
  };
}
