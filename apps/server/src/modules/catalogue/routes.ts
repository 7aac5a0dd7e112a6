import { CatalogueDto, CatalogueQuery, ErrorBody, IdParam, ServiceDto, ServiceInput, UpdateServiceInput } from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { createService } from './verbs/create-service.js';
import { getCatalogue } from './verbs/get-catalogue.js';
import { getService } from './verbs/get-service.js';
import { updateService } from './verbs/update-service.js';

const tags = ['catalogue'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The e-service supermarket's catalogue (服务目录): the six categories and their sub-services, per street. */
export const catalogueRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/catalogue',
    {
      schema: {
        tags,
        summary: "My street's service catalogue, grouped by category",
        querystring: CatalogueQuery,
        response: { 200: CatalogueDto, ...errors },
      },
    },
    async (req) => getCatalogue({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/services/:id',
    { schema: { tags, summary: 'One service of the catalogue', params: IdParam, response: { 200: ServiceDto, ...errors } } },
    async (req) => getService({ ctx: req.auth, input: req.params }),
  );
  app.post(
    '/api/services',
    { schema: { tags, summary: 'Add a service to a street catalogue', body: ServiceInput, response: { 201: ServiceDto, ...errors } } },
    async (req, reply) => {
      reply.status(201);
      return createService({ ctx: req.auth, input: req.body });
    },
  );
  app.patch(
    '/api/services/:id',
    {
      schema: { tags, summary: 'Edit a service', params: IdParam, body: UpdateServiceInput, response: { 200: ServiceDto, ...errors } },
    },
    async (req) => updateService({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
};
