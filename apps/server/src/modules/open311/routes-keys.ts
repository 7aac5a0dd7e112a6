import { CreateOpen311KeyInput, CreatedOpen311Key, ErrorBody, IdParam, Open311KeyDto, Open311KeyList } from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { createOpen311Key } from './verbs/create-open311-key.js';
import { listOpen311Keys } from './verbs/list-open311-keys.js';
import { revokeOpen311Key } from './verbs/revoke-open311-key.js';

const tags = ['open311'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Console management of Open311 API keys. */
export const open311KeyRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/open311/keys',
    { schema: { tags, summary: 'Open311 API keys of the communities I manage', response: { 200: Open311KeyList, ...errors } } },
    async (req) => listOpen311Keys({ ctx: req.auth, input: undefined }),
  );
  app.post(
    '/api/open311/keys',
    {
      schema: {
        tags,
        summary: 'Issue an Open311 API key for a community; the key is shown only in this answer',
        body: CreateOpen311KeyInput,
        response: { 201: CreatedOpen311Key, ...errors },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createOpen311Key({ ctx: req.auth, input: req.body });
    },
  );
  app.post(
    '/api/open311/keys/:id/revoke',
    { schema: { tags, summary: 'Revoke an Open311 API key', params: IdParam, response: { 200: Open311KeyDto, ...errors } } },
    async (req) => revokeOpen311Key({ ctx: req.auth, input: { id: req.params.id } }),
  );
};
