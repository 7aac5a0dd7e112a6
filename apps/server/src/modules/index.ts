import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Every feature module's routes; add a module here to mount it. */
export const FEATURE_ROUTES: FastifyPluginAsyncZod[] = [];
