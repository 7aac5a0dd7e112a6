import { BuildingMapDto, ErrorBody, IdParam, SiteMapDto, SitePositionsInput } from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { arrangeSite } from './verbs/arrange-site.js';
import { getBuildingMap } from './verbs/get-building-map.js';
import { getSiteMap } from './verbs/get-site-map.js';

const tags = ['map'];
const readErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The building map (楼栋图) and the site map of a community, compound or grid. */
export const mapRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/map/buildings/:id',
    {
      schema: {
        tags,
        summary: 'One building: a cell per flat with its household summary, counts and responsible people',
        params: IdParam,
        response: { 200: BuildingMapDto, ...readErrors },
      },
    },
    async (req) => getBuildingMap({ ctx: req.auth, input: { buildingId: req.params.id } }),
  );
  app.get(
    '/api/map/areas/:id',
    {
      schema: {
        tags,
        summary: 'Every building of a community, compound or grid with its counts and site position',
        params: IdParam,
        response: { 200: SiteMapDto, ...readErrors },
      },
    },
    async (req) => getSiteMap({ ctx: req.auth, input: { areaId: req.params.id } }),
  );
  app.put(
    '/api/map/areas/:id/positions',
    {
      schema: {
        tags,
        summary: 'Arrange buildings on the site grid',
        params: IdParam,
        body: SitePositionsInput,
        response: { 200: SiteMapDto, ...readErrors },
      },
    },
    async (req) => arrangeSite({ ctx: req.auth, input: { ...req.body, areaId: req.params.id } }),
  );
};
