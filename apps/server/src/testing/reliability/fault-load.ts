import type { CheckServer } from './check-server.js';
import { type Answer, type Session, send } from './http-client.js';
import { orderBody } from './order-flow.js';
import type { CheckWorld } from './world.js';

/** What every fault scenario runs on: the world, signed-in sessions, the number of clients, the server, a run id. */
export type FaultStage = { world: CheckWorld; sessions: Session[]; clients: number; server: CheckServer; runId: string };

export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the clients saw while a fault was injected. */
export type FaultTally = {
  requests: number;
  ok: number;
  /** 503 with Retry-After: the answer a database fault must give */
  unavailable: number;
  /** anything else: another 5xx, a 4xx, a 503 without Retry-After, a refused or reset connection (status 0) */
  wrong: string[];
};

export const newTally = (): FaultTally => ({ requests: 0, ok: 0, unavailable: 0, wrong: [] });

/** Counts an answer given during a database fault: 2xx or 503 with Retry-After, nothing else. */
export function countFaultAnswer(t: FaultTally, what: string, a: Answer): void {
  t.requests++;
  if (a.status >= 200 && a.status < 300) t.ok++;
  else if (a.status === 503 && a.retryAfter) t.unavailable++;
  else if (t.wrong.length < 50) t.wrong.push(`${what} → ${a.status || a.error} ${a.text.slice(0, 160)}`);
  else t.wrong.length++;
}

/**
 * `clients` loops of mixed work (the desk queue, placing a desk order, the sign-in check) on the signed-in desk
 * `sessions`, until `stop()`; every answer goes through `countFaultAnswer`.
 */
export async function faultLoad(
  world: CheckWorld,
  sessions: Session[],
  clients: number,
  tally: FaultTally,
  stop: () => boolean,
  marker: string,
): Promise<void> {
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const s = sessions[c % sessions.length]!;
      for (let i = 0; !stop(); i++) {
        const kind = i % 3;
        if (kind === 0) countFaultAnswer(tally, 'GET /api/orders', await s.get('/api/orders?view=desk&pageSize=20'));
        else if (kind === 1)
          countFaultAnswer(tally, 'POST /api/orders', await s.post('/api/orders', orderBody(world, 'desk', `${marker} c${c} n${i}`, i)));
        else countFaultAnswer(tally, 'GET /api/me', await s.get('/api/me'));
      }
    }),
  );
}

/** One answer of `/api/health`: the HTTP status (0: no answer) and the parts as it named them. */
export type HealthSeen = { http: number; status?: string; database?: string; listener?: string; jobs?: string; problems?: string[] };

/** Asks `/api/health` every 100 ms until `stop()`; returns the distinct answers in the order first seen. */
export async function watchHealth(base: string, stop: () => boolean): Promise<HealthSeen[]> {
  const seen = new Map<string, HealthSeen>();
  while (!stop()) {
    const a = await send(`${base}/api/health`);
    let h: HealthSeen = { http: a.status };
    try {
      const { status, database, listener, jobs, problems } = JSON.parse(a.text) as Omit<HealthSeen, 'http'>;
      h = { http: a.status, status, database, listener, jobs, problems };
    } catch {
      /* not JSON: a refused connection, kept as its status */
    }
    const key = JSON.stringify(h);
    if (!seen.has(key)) seen.set(key, h);
    await new Promise((r) => setTimeout(r, 100));
  }
  return [...seen.values()];
}

export type Recovery = { requestMs: number | null; healthMs: number | null };

/**
 * Polls from `since` until a signed-in read answers 200 (`requestMs`) and `/api/health` says every part is up
 * (`healthMs`; the background jobs retry a failed pass after 1 s doubling, so this one can lag); null after `timeoutMs`.
 */
export async function timeToRecover(base: string, session: Session, since: number, timeoutMs = 60_000): Promise<Recovery> {
  const r: Recovery = { requestMs: null, healthMs: null };
  while (performance.now() - since < timeoutMs && r.healthMs === null) {
    if (r.requestMs === null && (await session.get('/api/me')).status === 200) r.requestMs = performance.now() - since;
    const health = r.requestMs === null ? null : await send(`${base}/api/health`);
    if (health?.status === 200 && (JSON.parse(health.text) as { status: string }).status === 'ok') r.healthMs = performance.now() - since;
    else await new Promise((res) => setTimeout(res, 50));
  }
  return r;
}
