import { ERROR_MESSAGES, ErrorBody, type Locale, type Text, text } from '@linli/contracts';
import { DrizzleQueryError } from 'drizzle-orm';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isConnectionError, safeErrorMessage } from '../db/connection-errors.js';
import { AppError } from './errors.js';
import { localiseIssues, requestLocale } from './i18n.js';

type Issue = { code?: string; message?: string; path?: PropertyKey[] };

/** Seconds a client is told to wait when the database is unreachable; the pool reconnects on its own meanwhile. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const HTTP_MESSAGES = {
  invalidJson: () => text('请求内容不是有效的 JSON', 'The request body is not valid JSON'),
  malformedMultipart: () => text('上传内容不是有效的 multipart 表单', 'The upload is not a valid multipart form'),
  malformedRequest: () => text('请求格式不正确', 'The request is malformed'),
  databaseUnavailable: () => text('数据库暂时无法连接，请稍后重试', 'The database cannot be reached right now; try again in a few seconds'),
} satisfies Record<string, (...args: never[]) => Text>;

// busboy's own errors carry no status; they all mean the client sent a broken form
const MULTIPART_BROKEN = /Unexpected end of (form|file|multipart data)|Malformed part header|Boundary not found|Malformed urlencoded form/i;

function send(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  const locale = requestLocale(req);
  const body: ErrorBody = {
    error: {
      code: err.code,
      message: err.message && err.message !== err.code && err.code !== 'INTERNAL' ? err.message : ERROR_MESSAGES[err.code][locale],
      details: { ...err.details, requestId: String(req.id) },
    },
  };
  if (err.details.retryAfterSeconds) reply.header('retry-after', String(err.details.retryAfterSeconds));
  // past the route's response schemas: an error can happen on any route (a lost connection in the session hook of
  // /api/health, whose 503 schema is its own), and every error answer is this one shape anyway
  return reply.status(err.status).type('application/json; charset=utf-8').serializer(JSON.stringify).send(body);
}

const invalidRequest = (message: string) => new AppError('VALIDATION', message, { issues: [{ path: '', message }] });

/**
 * An error as logs may carry it (the logger's `err` serializer): type, code and message, never a query's parameters
 * (drizzle puts them in its message), a constraint's detail or values quoted by PostgreSQL, which may be personal.
 */
export function loggableError(e: unknown): { type: string; code?: unknown; message: string; stack: string } {
  const err = (e instanceof DrizzleQueryError && e.cause ? e.cause : e) as { code?: unknown; stack?: string } | null;
  const type = (e as object | null)?.constructor?.name ?? typeof e;
  const frames = (err?.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return { type, code: err?.code, message: safeErrorMessage(e), stack: frames.slice(0, 12).join('\n') };
}

function mapError(error: FastifyError, req: FastifyRequest, locale: Locale): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      ...(v.params as Issue),
      code: v.keyword,
      path: v.instancePath.split('/').filter(Boolean),
      message: v.message,
    }));
    const where = error.validationContext === 'body' ? '' : (error.validationContext ?? '');
    return new AppError('VALIDATION', ERROR_MESSAGES.VALIDATION[locale], { issues: localiseIssues(issues, locale, where) });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError)
    return invalidRequest(HTTP_MESSAGES.invalidJson()[locale]);
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('VALIDATION', error.message);
  if (error.statusCode === 401) return new AppError('UNAUTHENTICATED');
  if (error.statusCode === 403) return new AppError('FORBIDDEN');
  if (error.statusCode === 404) return new AppError('NOT_FOUND');
  if (error.statusCode === 429) return new AppError('LIMIT_EXCEEDED');
  if (isConnectionError(error)) {
    req.log.warn({ err: error }, 'database unavailable');
    return new AppError('UNAVAILABLE', HTTP_MESSAGES.databaseUnavailable()[locale], { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
  }
  if (req.isMultipart?.() && MULTIPART_BROKEN.test(error.message ?? '')) return invalidRequest(HTTP_MESSAGES.malformedMultipart()[locale]);
  // the framework's and plugins' own client errors (bad content length, a multipart form that is not one, …)
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500)
    return invalidRequest(HTTP_MESSAGES.malformedRequest()[locale]);
  return null;
}

/** Maps every thrown error onto the closed set of codes and the one wire shape. */
export function installErrorHandler(
  app: FastifyInstance,
  spa?: { isPage: (req: FastifyRequest) => boolean; serve: (reply: FastifyReply) => unknown },
): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const mapped = mapError(error, req, requestLocale(req));
    if (mapped) return send(req, reply, mapped);
    if (isResponseSerializationError(error))
      req.log.error({ err: error, cause: loggableError(error.cause) }, 'response does not match its schema');
    else req.log.error({ err: error }, 'unhandled error');
    return send(req, reply, new AppError('INTERNAL'));
  });
  app.setNotFoundHandler((req, reply) => (spa?.isPage(req) ? spa.serve(reply) : send(req, reply, new AppError('NOT_FOUND'))));
}
