import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaRoutes } from './areas/routes.js';
import { auditRoutes } from './audit/routes.js';
import { orgRoutes } from './orgs/routes.js';
import { usersRoutes } from './users/routes.js';

/** Every feature module's routes; add a module here to mount it. */
export const FEATURE_ROUTES: FastifyPluginAsyncZod[] = [usersRoutes, areaRoutes, orgRoutes, auditRoutes];
