import { ErrorBody, PortalHomeDto } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuthedCtx } from '../../core/context.js';
import { requireSession } from '../auth/plugin.js';
import { getPortalHome } from './service.js';

export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/portal/home',
    {
      schema: {
        tags: ['portal'],
        summary: "The signed-in resident's home address",
        response: { 200: PortalHomeDto, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => getPortalHome({ ctx: req.ctx as AuthedCtx }),
  );
};
