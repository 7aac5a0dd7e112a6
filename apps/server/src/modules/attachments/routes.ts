import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { AttachmentDto, ErrorBody, IdParam } from '@linli/contracts';
import { z } from 'zod';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { ATTACHMENT_LIMITS } from './limits.js';
import { receiveImage } from './receive.js';
import { readAttachmentContent } from './verbs/read-attachment-content.js';
import { uploadAttachment } from './verbs/upload-attachment.js';

const tags = ['attachments'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

const ImageBody = z
  .custom<Readable>((v) => typeof v === 'object' && v !== null && 'pipe' in v)
  .meta({ type: 'string', format: 'binary', description: 'a JPEG, PNG or WebP image' });

/** Photos for orders: upload before use, then read by whoever may read the order. */
export const attachmentRoutes: ModuleRoutes =
  ({ storage }) =>
  async (app) => {
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
        const ctx = req.auth;
        const receive = () => receiveImage(req, ATTACHMENT_LIMITS.maxBytes, ctx.locale);
        const attachment = await uploadAttachment({ ctx, input: { storage, receive } });
        reply.status(201);
        return attachment;
      },
    );
    app.get(
      '/api/attachments/:id/content',
      { schema: { tags, summary: "An attachment's image", params: IdParam, response: { 200: ImageBody, ...errors } } },
      async (req, reply) => {
        const content = await readAttachmentContent({ ctx: req.auth, input: { id: req.params.id, storage } });
        return reply
          .type(content.contentType)
          .header('content-length', String(content.size))
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', 'inline')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(content.stream);
      },
    );
  };
