import { z } from 'zod';
import { partState } from '../../core/health.js';
import type { Database } from '../../db/pool.js';
import type { ModuleRoutes } from '../module.js';

const PartState = z.enum(['up', 'down', 'off']).describe('off: not run by this process');
const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['up', 'down']),
  /** the background jobs' last passes (deadlines, outbox, e-mail, webhooks) */
  jobs: PartState,
  /** the LISTEN connection(s) for wake-ups and live notification streams */
  listener: PartState,
  /** what is down, in words, for the operator */
  problems: z.array(z.string()),
  version: z.string(),
});

const DATABASE_PROBE_MS = 2000;

/** Whether the pool can run a query right now; a hung server counts as down after two seconds. */
async function databaseAnswers(pool: Database['pool']): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), DATABASE_PROBE_MS)));
  const probe = pool.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The infrastructure routes: health for load balancers and operators (no actor, no verb: it reads process state). */
export const systemRoutes: ModuleRoutes =
  ({ database: { pool }, version }) =>
  async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['system'],
          summary: 'Which parts answer: the database (503 when down), the background jobs and the LISTEN connection',
          response: { 200: Health, 503: Health },
        },
      },
      async (_req, reply) => {
        const database = (await databaseAnswers(pool)) ? ('up' as const) : ('down' as const);
        const jobs = partState('jobs');
        const listener = partState('listener');
        const problems = [
          ...(database === 'down' ? ['database: not answering'] : []),
          ...jobs.details.map((d) => `jobs: ${d}`),
          ...listener.details.map((d) => `listener: ${d}`),
        ];
        const ok = database === 'up' && jobs.state !== 'down' && listener.state !== 'down';
        reply.status(database === 'up' ? 200 : 503);
        return {
          status: ok ? ('ok' as const) : ('degraded' as const),
          database,
          jobs: jobs.state,
          listener: listener.state,
          problems,
          version,
        };
      },
    );
  };
