import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/pool.js';

const Health = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['up', 'down']), version: z.string() });

export function systemRoutes({ pool }: Database, version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      { schema: { tags: ['system'], summary: 'Liveness and whether the database answers', response: { 200: Health, 503: Health } } },
      async (_req, reply) => {
        const up = await Promise.race([
          pool.query('SELECT 1').then(
            () => true,
            () => false,
          ),
          new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref()),
        ]);
        reply.status(up ? 200 : 503);
        return { status: up ? ('ok' as const) : ('degraded' as const), database: up ? ('up' as const) : ('down' as const), version };
      },
    );
  };
}
