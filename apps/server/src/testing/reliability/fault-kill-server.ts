import type pg from 'pg';
import type { CheckServer } from './check-server.js';
import { type FaultStage, wait } from './fault-load.js';
import { idOf } from './http-client.js';
import { orderBody, storedOrders } from './order-flow.js';

export type KillServerResult = {
  clients: number;
  sent: number;
  acknowledged: number;
  acknowledgedAfterRestart: number;
  /** acknowledged orders not in the database, or there with another id */
  lost: string[];
  /** markers stored more than once */
  duplicates: string[];
  /** unacknowledged orders (in flight at the kill) that are there, with their timeline and audit row */
  unacknowledgedStored: number;
  unacknowledgedAbsent: number;
  /** stored orders without a timeline entry or audit row */
  incomplete: string[];
  restartMs: number;
};

export type KillServerPlan = FaultStage & {
  /** how long the clients place orders before the kill, and after the restart (desk and resident sessions) */
  beforeMs: number;
  afterMs: number;
  /** starts the server again on the same data dir and port */
  restart: () => Promise<CheckServer>;
  /** a pool on the server's database, opened after the restart */
  openPool: () => Promise<pg.Pool>;
};

/**
 * kill -9 of the server while `clients` place orders (desk and portal, every description carrying a unique
 * marker), then a restart on the same database: every acknowledged order must be there exactly once, and an
 * unacknowledged one either absent or whole (order, timeline entry, audit row).
 */
export async function killServerMidLoad(plan: KillServerPlan): Promise<{ result: KillServerResult; server: CheckServer }> {
  const prefix = `fault-${plan.runId}`;
  const sent = new Map<string, string | null>();
  let restarted = false;
  let acknowledgedAfterRestart = 0;
  let stop = false;
  const clients = Array.from({ length: plan.clients }, async (_, c) => {
    const s = plan.sessions[c % plan.sessions.length]!;
    const channel = s.username.includes('resident') ? 'portal' : 'desk';
    for (let n = 0; !stop; n++) {
      const marker = `${prefix} c${c} n${n}`;
      const a = await s.post('/api/orders', orderBody(plan.world, channel, marker, n));
      const id = idOf(a);
      sent.set(marker, id);
      if (id && restarted) acknowledgedAfterRestart++;
      if (a.status === 0) await wait(100);
    }
  });
  await wait(plan.beforeMs);
  const killedAt = performance.now();
  await plan.server.kill9();
  const server = await plan.restart();
  const restartMs = performance.now() - killedAt;
  restarted = true;
  await wait(plan.afterMs);
  stop = true;
  await Promise.all(clients);

  const pool = await plan.openPool();
  let stored;
  try {
    stored = await storedOrders(pool, prefix);
  } finally {
    await pool.end();
  }
  const byMarker = new Map<string, typeof stored>();
  for (const o of stored) byMarker.set(o.description, [...(byMarker.get(o.description) ?? []), o]);
  const acknowledged = [...sent].filter(([, id]) => id !== null) as [string, string][];
  const unacknowledged = [...sent].filter(([, id]) => id === null).map(([m]) => m);
  return {
    server,
    result: {
      clients: plan.clients,
      sent: sent.size,
      acknowledged: acknowledged.length,
      acknowledgedAfterRestart,
      lost: acknowledged.filter(([m, id]) => byMarker.get(m)?.[0]?.id !== id).map(([m]) => m),
      duplicates: [...byMarker].filter(([, rows]) => rows.length > 1).map(([m]) => m),
      unacknowledgedStored: unacknowledged.filter((m) => byMarker.has(m)).length,
      unacknowledgedAbsent: unacknowledged.filter((m) => !byMarker.has(m)).length,
      incomplete: stored.filter((o) => o.events < 1 || o.audits < 1).map((o) => o.description),
      restartMs,
    },
  };
}
