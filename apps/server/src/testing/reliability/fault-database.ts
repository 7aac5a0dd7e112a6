import {
  type FaultStage,
  type FaultTally,
  type HealthSeen,
  type Recovery,
  faultLoad,
  newTally,
  timeToRecover,
  wait,
  watchHealth,
} from './fault-load.js';

export type DatabaseFaultResult = {
  fault: string;
  clients: number;
  tally: FaultTally;
  /** the distinct `/api/health` answers seen from the fault on, in order */
  health: HealthSeen[];
  /** from the end of the fault: first signed-in 200, then every part of /api/health up */
  recovery: Recovery;
  /** the server process is the one that was there before the fault */
  serverAlive: boolean;
};

export type DatabaseFaultPlan = FaultStage & {
  fault: string;
  /** load before the fault (ms) */
  warmMs: number;
  /** injects the fault; resolves when the fault is over (the database is back, or on its way back by itself) */
  inject: () => Promise<void>;
  /** load after the recovery (ms) */
  afterMs: number;
};

/**
 * A database fault under load: clients keep working while `inject` runs; every answer must be 2xx or 503 with
 * Retry-After, the server must stay up, and after the fault requests must succeed again without a restart.
 */
export async function databaseFaultUnderLoad(plan: DatabaseFaultPlan): Promise<DatabaseFaultResult> {
  const tally = newTally();
  let stopLoad = false;
  let stopHealth = false;
  const load = faultLoad(plan.world, plan.sessions, plan.clients, tally, () => stopLoad, `fault-${plan.runId}-${plan.fault}`);
  await wait(plan.warmMs);
  const health = watchHealth(plan.server.url, () => stopHealth);
  await plan.inject();
  const recovery = await timeToRecover(plan.server.url, plan.sessions[0]!, performance.now());
  stopHealth = true;
  await wait(plan.afterMs);
  stopLoad = true;
  await load;
  return {
    fault: plan.fault,
    clients: plan.clients,
    tally,
    health: await health,
    recovery,
    serverAlive: plan.server.exitCode() === null,
  };
}

/** Terminates every backend of the server (its pool and its LISTEN connections) `rounds` times, 300 ms apart. */
export function terminateBackends(run: (sql: string) => Promise<number>, rounds: number): () => Promise<void> {
  return async () => {
    for (let i = 0; i < rounds; i++) {
      await run(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
          WHERE application_name IN ('linli', 'linli-listen') AND pid <> pg_backend_pid()`,
      );
      await wait(300);
    }
  };
}

/** What a check of a database fault must see: no other answer, the server up, requests back, the fault named. */
export function databaseFaultProblems(r: DatabaseFaultResult, opts: { expectDown?: boolean } = {}): string[] {
  const problems: string[] = [];
  if (r.tally.wrong.length) problems.push(`${r.tally.wrong.length} answers other than 2xx or 503 + Retry-After`);
  if (!r.serverAlive) problems.push('the server process died');
  if (r.recovery.requestMs === null) problems.push('requests did not succeed again within 60 s');
  if (r.recovery.healthMs === null) problems.push('/api/health did not say every part is up within 60 s');
  if (r.tally.ok === 0) problems.push('no request succeeded at all');
  if (
    opts.expectDown &&
    !r.health.some((h) => h.http === 503 && h.database === 'down' && h.problems?.some((p) => p.startsWith('database')))
  )
    problems.push('/api/health never named the database as down');
  return problems;
}
