import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { AttachmentDto, ErrorBody, IdParam } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthedCtx } from '../../core/context.js';
import type { Storage } from '../../core/storage.js';
import { requireSession } from '../auth/plugin.js';
import { ATTACHMENT_LIMITS } from './limits.js';
import { receiveImage } from './receive.js';
import { readAttachmentContent, uploadAttachment } from './service.js';

const tags = ['attachments'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

const ImageBody = z
  .custom<Readable>((v) => typeof v === 'object' && v !== null && 'pipe' in v)
  .meta({ type: 'string', format: 'binary', description: 'a JPEG, PNG or WebP image' });

/** Photos for orders: upload before use, then read by whoever may read the order. */
export function attachmentRoutes(deps: { storage: Storage }): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: ATTACHMENT_LIMITS.maxBytes, files: 3, fields: 5, fieldSize: 1024 } });
    app.addHook('onRequest', requireSession);

    app.post(
      '/api/attachments',
      {
        schema: {
          tags,
          summary: 'Upload one image (multipart field `file`; JPEG, PNG or WebP, at most 5 MiB), unused until an order move names it',
          consumes: ['multipart/form-data'],
          response: { 201: AttachmentDto, 413: ErrorBody, 429: ErrorBody, ...errors },
        },
      },
      async (req, reply) => {
        const ctx = req.ctx as AuthedCtx;
        const attachment = await uploadAttachment({ ctx, deps, receive: () => receiveImage(req, ATTACHMENT_LIMITS.maxBytes, ctx.locale) });
        reply.status(201);
        return attachment;
      },
    );
    app.get(
      '/api/attachments/:id/content',
      { schema: { tags, summary: "An attachment's image", params: IdParam, response: { 200: ImageBody, ...errors } } },
      async (req, reply) => {
        const content = await readAttachmentContent({ ctx: req.ctx as AuthedCtx, deps, id: req.params.id });
        return reply
          .type(content.contentType)
          .header('content-length', String(content.size))
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', 'inline')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=3600')
          .send(content.stream);
      },
    );
  };
}
