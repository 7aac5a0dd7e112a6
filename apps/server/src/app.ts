import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from './db/pool.js';
import type { Pii } from './core/pii.js';
import { installErrorHandler } from './core/http.js';
import { installMetrics } from './core/metrics.js';
import { DEFAULT_RATE_LIMITS, type RateLimits, installRateLimits } from './core/rate-limit.js';
import { type LogOptions, installRequestLog, loggerOptions } from './core/request-log.js';
import { installResponseHeaders } from './core/security-headers.js';
import { installTextGuard } from './core/text-guard.js';
import { installSessionHook } from './modules/auth/plugin.js';
import { DEFAULT_THROTTLE, type ThrottleLimits } from './modules/auth/throttle.js';
import { MODULES } from './modules/index.js';
import type { ModuleDeps } from './modules/module.js';
import type { XlsxLimits } from './modules/imports/xlsx-guard.js';
import { type Storage, attachmentStorage } from './core/storage.js';
import { HTML_CACHE, serveAssets } from './web-static.js';

export const VERSION = '0.1.0';

export type RouteEntry = { url: string; methods: string[] };
declare module 'fastify' {
  interface FastifyInstance {
    /** every registered route, for the OpenAPI coverage test */
    routeList: RouteEntry[];
  }
}

export type AppDeps = {
  database: Database;
  /** pino; off when omitted (tests), `{ level }` in main.ts */
  logger?: boolean | LogOptions;
  /** Fastify's trustProxy, from LINLI_TRUST_PROXY (core/trust-proxy.ts) */
  trustProxy?: boolean | string;
  /** the built web app to serve; omitted in API tests */
  webDir?: string;
  throttle?: ThrottleLimits;
  /** per-user rate limits and the live-stream cap; DEFAULT_RATE_LIMITS when omitted */
  rateLimits?: RateLimits;
  bodyLimit?: number;
  /** encryption of ID numbers and phones */
  pii: Pii;
  /** where uploads are kept (`<dataDir>/imports`); a temp dir when omitted */
  dataDir?: string;
  importLimits?: Partial<XlsxLimits>;
  /** attachment files; `<dataDir>/attachments` when omitted */
  storage?: Storage;
};

/** Builds the whole HTTP app; main.ts and tests both call it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const log: LogOptions | null = !deps.logger ? null : deps.logger === true ? { level: 'info' } : deps.logger;
  const app = Fastify({
    ...(log ? loggerOptions(log) : { logger: false }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: deps.bodyLimit ?? 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  const routeList: RouteEntry[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    routeList.push({ url: r.url, methods: ([] as string[]).concat(r.method) });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installResponseHeaders(app);
  if (log) installRequestLog(app, log);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Linli (邻里) API', version: VERSION, description: 'Community grid governance and resident services' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'linli_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  const hasWeb = Boolean(deps.webDir && fs.existsSync(path.join(deps.webDir, 'index.html')));
  installErrorHandler(app, hasWeb ? spaFallback : undefined);
  installMetrics(app, deps.database.pool);
  installTextGuard(app);
  installSessionHook(app, deps.database, deps.pii);
  installRateLimits(app, deps.rateLimits ?? DEFAULT_RATE_LIMITS);
  const moduleDeps: ModuleDeps = {
    database: deps.database,
    pii: deps.pii,
    version: VERSION,
    throttle: deps.throttle ?? DEFAULT_THROTTLE,
    rateLimits: deps.rateLimits ?? DEFAULT_RATE_LIMITS,
    dataDir: deps.dataDir,
    importLimits: deps.importLimits,
    storage: deps.storage ?? attachmentStorage(deps.dataDir),
  };
  for (const m of MODULES) await app.register(m.routes(moduleDeps));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  if (hasWeb) await serveWeb(app, deps.webDir!);
  return app;
}

/**
 * The built web app: hashed assets compressed and cached for good (web-static.ts), index.html always revalidated.
 * wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
 */
async function serveWeb(app: FastifyInstance, webDir: string) {
  const assets = serveAssets(app, path.join(webDir, 'assets'));
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: true,
    index: 'index.html',
    cacheControl: false,
    setHeaders: (res, file) => res.setHeader('cache-control', file.endsWith('.html') ? HTML_CACHE : 'public, max-age=3600'),
  });
  // compress every asset in the background once listening, so the first visitor already gets them small
  app.addHook('onReady', async () => {
    assets.warm().catch((e: unknown) => app.log.warn({ err: e }, 'compressing the web assets failed'));
  });
}

/** Unknown GET paths outside the API are client-side routes of the SPA: answer index.html. */
const spaFallback = {
  isPage: (req: FastifyRequest) =>
    req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/open311/') && !path.extname(req.url.split('?')[0] ?? ''),
  serve: (reply: FastifyReply) => reply.type('text/html').sendFile('index.html'),
};
