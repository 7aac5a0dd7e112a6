import {
  AreaDetailDto,
  AreaListDto,
  AreaListQuery,
  AreaNodeDto,
  BuildingLayoutDto,
  BuildingLayoutInput,
  CreateAreaInput,
  ErrorBody,
  IdParam,
  OkBody,
  UpdateAreaInput,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuthedCtx } from '../../core/context.js';
import { requireSession } from '../auth/plugin.js';
import { getArea, getBuildingLayout, listAreas } from './service.js';
import { setBuildingLayout } from './service-layout.js';
import { createArea, deleteArea, updateArea } from './service-write.js';

const tags = ['areas'];
const readErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const writeErrors = { ...readErrors, 409: ErrorBody };

/** The area tree: 区 → 街道 → 社区 → 小区/网格 → 楼栋, and each building's flats. */
export const areaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/areas',
    {
      schema: {
        tags,
        summary: 'Top of my scope, children of a node, or a search',
        querystring: AreaListQuery,
        response: { 200: AreaListDto, ...readErrors },
      },
    },
    async (req) => listAreas({ ctx: req.ctx as AuthedCtx, input: req.query }),
  );
  app.get(
    '/api/areas/:id',
    { schema: { tags, summary: 'One node with its ancestors', params: IdParam, response: { 200: AreaDetailDto, ...readErrors } } },
    async (req) => getArea({ ctx: req.ctx as AuthedCtx, id: req.params.id }),
  );
  app.post(
    '/api/areas',
    { schema: { tags, summary: 'Add a node under a parent', body: CreateAreaInput, response: { 201: AreaNodeDto, ...writeErrors } } },
    async (req, reply) => {
      reply.status(201);
      return createArea({ ctx: req.ctx as AuthedCtx, input: req.body });
    },
  );
  app.patch(
    '/api/areas/:id',
    {
      schema: {
        tags,
        summary: "Rename a node or change a building's grid",
        params: IdParam,
        body: UpdateAreaInput,
        response: { 200: AreaNodeDto, ...writeErrors },
      },
    },
    async (req) => updateArea({ ctx: req.ctx as AuthedCtx, id: req.params.id, input: req.body }),
  );
  app.delete(
    '/api/areas/:id',
    { schema: { tags, summary: 'Delete a node nothing refers to', params: IdParam, response: { 200: OkBody, ...writeErrors } } },
    async (req) => deleteArea({ ctx: req.ctx as AuthedCtx, id: req.params.id }),
  );
  app.get(
    '/api/areas/:id/layout',
    { schema: { tags, summary: "A building's flats", params: IdParam, response: { 200: BuildingLayoutDto, ...readErrors } } },
    async (req) => getBuildingLayout({ ctx: req.ctx as AuthedCtx, id: req.params.id }),
  );
  app.put(
    '/api/areas/:id/layout',
    {
      schema: {
        tags,
        summary: "Set a building's floor plan (flats per floor per unit)",
        params: IdParam,
        body: BuildingLayoutInput,
        response: { 200: BuildingLayoutDto, ...writeErrors },
      },
    },
    async (req) => setBuildingLayout({ ctx: req.ctx as AuthedCtx, id: req.params.id, input: req.body }),
  );
};
