import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaRoutes } from './areas/routes.js';
import { auditRoutes } from './audit/routes.js';
import { careTagRoutes } from './care-tags/routes.js';
import { catalogueRoutes } from './catalogue/routes.js';
import { mapRoutes } from './map/routes.js';
import { orgRoutes } from './orgs/routes.js';
import { portalRoutes } from './portal/routes.js';
import { usersRoutes } from './users/routes.js';
import { visitRoutes } from './visits/routes.js';
import { figureRoutes } from './figures/routes.js';

/** Every feature module's routes; add a module here to mount it. */
export const FEATURE_ROUTES: FastifyPluginAsyncZod[] = [
  usersRoutes,
  areaRoutes,
  orgRoutes,
  auditRoutes,
  careTagRoutes,
  mapRoutes,
  visitRoutes,
  portalRoutes,
  catalogueRoutes,
  figureRoutes,
];
