import {
  CompoundParams,
  CompoundPropertyDto,
  CompoundPropertyInput,
  CompoundPropertyList,
  CompoundPropertyQuery,
  ErrorBody,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { listCompoundPropertyInScope } from './verbs/list-compound-property.js';
import { setCompoundProperty } from './verbs/set-compound-property.js';

const tags = ['property'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** 小区物业: which property company serves each compound, or none (无物业小区). */
export const propertyRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/compounds/property',
    {
      schema: {
        tags,
        summary: 'Compounds in scope with their property management',
        querystring: CompoundPropertyQuery,
        response: { 200: CompoundPropertyList, ...errors },
      },
    },
    async (req) => listCompoundPropertyInScope({ ctx: req.auth, input: req.query }),
  );
  app.put(
    '/api/compounds/:compoundId/property',
    {
      schema: {
        tags,
        summary: "Set a compound's property company and contract, or none",
        params: CompoundParams,
        body: CompoundPropertyInput,
        response: { 200: CompoundPropertyDto, ...errors },
      },
    },
    async (req) => setCompoundProperty({ ctx: req.auth, input: { ...req.body, compoundId: req.params.compoundId } }),
  );
};
