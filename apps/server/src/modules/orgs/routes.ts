import {
  CreateHandlerOrgInput,
  ErrorBody,
  HandlerOrgDto,
  HandlerOrgListDto,
  HandlerOrgListQuery,
  IdParam,
  OkBody,
  UpdateHandlerOrgInput,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { createHandlerOrg } from './verbs/create-handler-org.js';
import { deleteHandlerOrg } from './verbs/delete-handler-org.js';
import { listHandlerOrgs } from './verbs/list-handler-orgs.js';
import { updateHandlerOrg } from './verbs/update-handler-org.js';

const tags = ['orgs'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Handler organisations (处置单位) serving streets and communities. */
export const orgRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: 'Organisations serving my street or community',
        querystring: HandlerOrgListQuery,
        response: { 200: HandlerOrgListDto, ...errors },
      },
    },
    async (req) => listHandlerOrgs({ ctx: req.auth, input: req.query }),
  );
  app.post(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: 'Add an organisation to a street or community',
        body: CreateHandlerOrgInput,
        response: { 201: HandlerOrgDto, ...errors },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createHandlerOrg({ ctx: req.auth, input: req.body });
    },
  );
  app.patch(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: 'Edit an organisation',
        params: IdParam,
        body: UpdateHandlerOrgInput,
        response: { 200: HandlerOrgDto, ...errors },
      },
    },
    async (req) => updateHandlerOrg({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.delete(
    '/api/orgs/:id',
    { schema: { tags, summary: 'Delete an organisation nobody is assigned to', params: IdParam, response: { 200: OkBody, ...errors } } },
    async (req) => deleteHandlerOrg({ ctx: req.auth, input: req.params }),
  );
};
