import { ERROR_MESSAGES, ErrorBody } from '@linli/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';
import { localiseIssues, requestLocale } from './i18n.js';

type Issue = { code?: string; message?: string; path?: PropertyKey[] };

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
  return reply.status(err.status).send(body);
}

/** Maps every thrown error onto the closed set of codes and the one wire shape. */
export function installErrorHandler(
  app: FastifyInstance,
  spa?: { isPage: (req: FastifyRequest) => boolean; serve: (reply: FastifyReply) => unknown },
): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const locale = requestLocale(req);
    if (error instanceof AppError) return send(req, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        ...(v.params as Issue),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message,
      }));
      const where = error.validationContext === 'body' ? '' : (error.validationContext ?? '');
      return send(
        req,
        reply,
        new AppError('VALIDATION', ERROR_MESSAGES.VALIDATION[locale], { issues: localiseIssues(issues, locale, where) }),
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
      const message = locale === 'en' ? 'The request body is not valid JSON' : '请求内容不是有效的 JSON';
      return send(req, reply, new AppError('VALIDATION', message, { issues: [{ path: '', message }] }));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) return send(req, reply, new AppError('PAYLOAD_TOO_LARGE'));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(req, reply, new AppError('VALIDATION', error.message));
    if (error.statusCode === 404) return send(req, reply, new AppError('NOT_FOUND'));
    if (error.statusCode === 429) return send(req, reply, new AppError('LIMIT_EXCEEDED'));
    if (isResponseSerializationError(error))
      req.log.error({ err: { message: error.message, cause: String(error.cause) } }, 'response does not match its schema');
    else req.log.error({ err: error }, 'unhandled error');
    return send(req, reply, new AppError('INTERNAL'));
  });
  app.setNotFoundHandler((req, reply) => (spa?.isPage(req) ? spa.serve(reply) : send(req, reply, new AppError('NOT_FOUND'))));
}
