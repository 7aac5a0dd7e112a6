import { type FastifyInstance, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';
import { loggableError } from './http.js';

export type LogOptions = {
  level: string;
  /** LOG_CLIENT_ADDRESS=1: add the client address to each request's line */
  clientAddress?: boolean;
  /** where lines go (stdout by default); tests capture them here */
  stream?: { write: (line: string) => void };
};

/** The route pattern, never the URL: a query string or a path may hold a phone number or a name. */
const routeOf = (req: FastifyRequest) => req.routeOptions?.url ?? '(unmatched)';

/**
 * pino options for the app: Fastify's own request lines (full URL, client address) are off, and whatever logs a
 * request, reply or error gets these serializers, so no header, body, query string or query parameter is written.
 */
export function loggerOptions(opts: LogOptions): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return {
    logController: new LogController({ disableRequestLogging: true }),
    logger: {
      level: opts.level,
      ...(opts.stream ? { stream: opts.stream } : {}),
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, route: routeOf(req) }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
        err: loggableError,
      },
    },
  };
}

/** One line per answered request: method, route pattern, status, duration and request id (pino's reqId). */
export function installRequestLog(app: FastifyInstance, opts: Pick<LogOptions, 'clientAddress' | 'level'>): void {
  // below info, only the 5xx lines (at warn) are written: build no line for the rest
  const infoOn = ['trace', 'debug', 'info'].includes(opts.level);
  app.addHook('onResponse', (req, reply, done) => {
    if (reply.statusCode < 500 && !infoOn) return done();
    const line = {
      method: req.method,
      route: routeOf(req),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ...(opts.clientAddress ? { address: req.ip } : {}),
    };
    if (reply.statusCode >= 500) req.log.warn(line, 'request');
    else req.log.info(line, 'request');
    done();
  });
}

const CACHEABLE = ['/api/openapi.json', '/api/docs'];

/** Every API answer may carry personal data: `Cache-Control: no-store`, except the OpenAPI document and its viewer. */
export const needsNoStore = (url: string) => url.startsWith('/api/') && !CACHEABLE.some((p) => url.startsWith(p));
