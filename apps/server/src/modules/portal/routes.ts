import { ErrorBody, PortalHomeDto } from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { getPortalHome } from './verbs/get-portal-home.js';

/** 居民端: what the resident portal reads besides orders. */
export const portalRoutes: ModuleRoutes = () => async (app) => {
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
    async (req) => getPortalHome({ ctx: req.auth, input: undefined }),
  );
};
