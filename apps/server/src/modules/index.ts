import type { LinliModule } from './module.js';
import { areaRoutes } from './areas/routes.js';
import { attachmentRoutes } from './attachments/routes.js';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { careTagRoutes } from './care-tags/routes.js';
import { catalogueRoutes } from './catalogue/routes.js';
import { exportRoutes } from './exports/routes.js';
import { figureRoutes } from './figures/routes.js';
import { importRoutes } from './imports/routes.js';
import { mapRoutes } from './map/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { open311Routes } from './open311/routes.js';
import { orderReadRoutes } from './orders/read-routes.js';
import { orderRoutes } from './orders/routes.js';
import { orgRoutes } from './orgs/routes.js';
import { portalRoutes } from './portal/routes.js';
import { registryRoutes } from './registry/routes.js';
import { systemRoutes } from './system/routes.js';
import { usersRoutes } from './users/routes.js';
import { visitRoutes } from './visits/routes.js';
import { webhookRoutes } from './webhooks/routes.js';

/** Every module, mounted in this order by buildApp; add a module here and nowhere else. */
export const MODULES: readonly LinliModule[] = [
  { name: 'system', routes: (d) => systemRoutes(d.database, d.version) },
  { name: 'auth', routes: (d) => authRoutes(d.throttle) },
  { name: 'users', routes: () => usersRoutes },
  { name: 'areas', routes: () => areaRoutes },
  { name: 'orgs', routes: () => orgRoutes },
  { name: 'audit', routes: () => auditRoutes },
  { name: 'care-tags', routes: careTagRoutes },
  { name: 'map', routes: () => mapRoutes },
  { name: 'visits', routes: () => visitRoutes },
  { name: 'portal', routes: () => portalRoutes },
  { name: 'catalogue', routes: () => catalogueRoutes },
  { name: 'figures', routes: () => figureRoutes },
  { name: 'registry', routes: (d) => registryRoutes({ pii: d.pii }) },
  { name: 'open311', routes: (d) => open311Routes({ pii: d.pii }) },
  { name: 'orders', routes: (d) => orderRoutes({ pii: d.pii }) },
  { name: 'orders-read', routes: (d) => orderReadRoutes({ pii: d.pii }) },
  { name: 'imports', routes: (d) => importRoutes({ pii: d.pii, dataDir: d.dataDir, limits: d.importLimits }) },
  { name: 'exports', routes: (d) => exportRoutes({ pii: d.pii }) },
  { name: 'attachments', routes: (d) => attachmentRoutes({ storage: d.storage }) },
  { name: 'notifications', routes: (d) => notificationRoutes({ database: d.database }) },
  { name: 'webhooks', routes: (d) => webhookRoutes({ pii: d.pii }) },
];
