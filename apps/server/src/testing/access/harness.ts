import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { type DemoRows, resolveDemoRows } from './demo-rows.js';
import { DEMO_CALLERS, type Caller } from './policy.js';
import { type Operation, type Send, injector, operationsOf, signedIn } from './send.js';

/** The main tables a rejected request must leave as they were. */
export const WATCHED_TABLES = [
  'residents',
  'households',
  'orders',
  'order_events',
  'users',
  'area_nodes',
  'handler_orgs',
  'party_members',
  'activities',
  'volunteers',
  'mediation_cases',
  'consultations',
  'programmes',
  'attachments',
  'import_jobs',
  'webhooks',
  'open311_keys',
] as const;

export async function rowCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const sql = WATCHED_TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t}`).join(' UNION ALL ');
  const { rows } = await pool.query<{ t: string; n: number }>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

export type CheckWorld = { ops: Operation[]; rows: DemoRows; callers: Record<Caller, Send> };

/** Everything a check needs from an app whose database holds the seeded demo (password `password`). */
export async function checkWorld(app: FastifyInstance, pool: pg.Pool, password: string): Promise<CheckWorld> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Parameters<typeof operationsOf>[0];
  const callers = {} as Record<Caller, Send>;
  for (const c of DEMO_CALLERS) callers[c] = c === 'anonymous' ? injector(app) : await signedIn(app, c, password);
  return { ops: operationsOf(doc), rows: await resolveDemoRows(pool), callers };
}
