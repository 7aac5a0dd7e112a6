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
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { createArea } from './verbs/create-area.js';
import { deleteArea } from './verbs/delete-area.js';
import { getArea } from './verbs/get-area.js';
import { getBuildingLayout } from './verbs/get-building-layout.js';
import { listAreas } from './verbs/list-areas.js';
import { setBuildingLayout } from './verbs/set-building-layout.js';
import { updateArea } from './verbs/update-area.js';

const tags = ['areas'];
const readErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const writeErrors = { ...readErrors, 409: ErrorBody };

/** The area tree: 区 → 街道 → 社区 → 小区/网格 → 楼栋, and each building's flats. */
export const areaRoutes: ModuleRoutes = () => async (app) => {
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
    async (req) => listAreas({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/areas/:id',
    { schema: { tags, summary: 'One node with its ancestors', params: IdParam, response: { 200: AreaDetailDto, ...readErrors } } },
    async (req) => getArea({ ctx: req.auth, input: req.params }),
  );
  app.post(
    '/api/areas',
    { schema: { tags, summary: 'Add a node under a parent', body: CreateAreaInput, response: { 201: AreaNodeDto, ...writeErrors } } },
    async (req, reply) => {
      reply.status(201);
      return createArea({ ctx: req.auth, input: req.body });
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
    async (req) => updateArea({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.delete(
    '/api/areas/:id',
    { schema: { tags, summary: 'Delete a node nothing refers to', params: IdParam, response: { 200: OkBody, ...writeErrors } } },
    async (req) => deleteArea({ ctx: req.auth, input: req.params }),
  );
  app.get(
    '/api/areas/:id/layout',
    { schema: { tags, summary: "A building's flats", params: IdParam, response: { 200: BuildingLayoutDto, ...readErrors } } },
    async (req) => getBuildingLayout({ ctx: req.auth, input: req.params }),
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
    async (req) => setBuildingLayout({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
};
