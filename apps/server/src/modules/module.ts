import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../db/pool.js';
import type { Pii } from '../core/pii.js';
import type { RateLimits } from '../core/rate-limit.js';
import type { Storage } from '../core/storage.js';
import type { ThrottleLimits } from './auth/throttle.js';
import type { XlsxLimits } from './imports/xlsx-guard.js';

/** What buildApp hands every module; a module takes what it needs. */
export type ModuleDeps = {
  database: Database;
  pii: Pii;
  version: string;
  throttle: ThrottleLimits;
  /** per-user rate limits; the notification stream reads its per-user cap here */
  rateLimits: RateLimits;
  /** where uploads are kept (`<dataDir>/imports`); a temp dir when omitted */
  dataDir?: string;
  importLimits?: Partial<XlsxLimits>;
  storage: Storage;
};

/** A feature module as the app mounts it: its name and its routes (one plugin built from the deps). */
export type LinliModule = {
  name: string;
  routes: ModuleRoutes;
};

/** What every routes.ts exports: its plugin, built from the deps. */
export type ModuleRoutes = (deps: ModuleDeps) => FastifyPluginAsyncZod;
