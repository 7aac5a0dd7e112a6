import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { type O311Errors, XML_ITEMS } from './wire.js';
import { type XmlValue, renderXml } from './xml.js';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

/** The format a path asks for by its extension; without one, XML when the Accept header prefers it; JSON otherwise. */
export function formatOf(req: FastifyRequest): Format {
  const path = (req.url.split('?')[0] ?? '').toLowerCase();
  if (path.endsWith('.xml')) return 'xml';
  if (path.endsWith('.json')) return 'json';
  const accept = String(req.headers.accept ?? '');
  return /\bxml\b/.test(accept) && !/\bjson\b/.test(accept) ? 'xml' : 'json';
}

/** Answers that carry request data (requests, tokens, updates, and their errors) must not be kept by caches. */
const PUBLIC_CACHEABLE = /\/(discovery|services)(\/[^/?]*)?\.(json|xml)(\?|$)/;

export function installNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply) => {
    if (!PUBLIC_CACHEABLE.test(req.url) || reply.statusCode >= 400) reply.header('cache-control', 'no-store');
  });
}

/** Sends `value` as JSON, or as XML under the `root` container element. */
export function sendO311(reply: FastifyReply, format: Format, root: string, value: XmlValue, status = 200): FastifyReply {
  reply.status(status);
  if (format === 'json') return reply.send(value);
  return reply.type('text/xml; charset=utf-8').send(renderXml(root, value, XML_ITEMS));
}

/** An Open311 error answer: always a list of `{ code, description }`. */
export class O311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly descriptions: string[],
  ) {
    super(descriptions.join('; '));
  }
}

export const badRequest = (...descriptions: string[]) => new O311Error(400, descriptions);
export const badKey = () => new O311Error(403, ['api_key is missing, unknown or revoked']);
export const missing = (what: string) => new O311Error(404, [`${what} not found`]);

function toErrors(error: FastifyError | Error, req: FastifyRequest): { status: number; errors: O311Errors } {
  const list = (status: number, descriptions: string[]) => ({
    status,
    errors: descriptions.map((description) => ({ code: status, description })),
  });
  if (error instanceof O311Error) return list(error.status, error.descriptions);
  if (error instanceof AppError && error.status < 500) {
    const issues = error.details.issues ?? [];
    return list(error.status, issues.length ? issues.map((i) => `${i.path}: ${i.message}`) : [error.message]);
  }
  if (hasZodFastifySchemaValidationErrors(error))
    return list(
      400,
      error.validation.map((v) => `${v.instancePath || v.params?.['missingProperty'] || 'input'}: ${v.message}`),
    );
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return list(status, [error.message]);
  req.log.error({ err: error }, 'open311: unhandled error');
  return list(500, ['internal error']);
}

/** Errors inside the Open311 plugin answer in its own shape and in the format the path asked for. */
export function installO311Errors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const { status, errors } = toErrors(error, req);
    return sendO311(reply, formatOf(req), 'errors', errors, status);
  });
  app.setNotFoundHandler((req, reply) => sendO311(reply, formatOf(req), 'errors', [{ code: 404, description: 'no such endpoint' }], 404));
}
