import { CreateVisitInput, ErrorBody, IdParam, OverdueList, OverdueQuery, VisitDto, VisitListDto } from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { listHouseholdVisits } from './verbs/list-household-visits.js';
import { listOverdueVisits } from './verbs/list-overdue-visits.js';
import { recordVisit } from './verbs/record-visit.js';

const tags = ['visits'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Visits (走访) to households with care tags, and the overdue list. */
export const visitRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/households/:id/visits',
    {
      schema: {
        tags,
        summary: "A household's visits, newest first, with its visit summary",
        params: IdParam,
        response: { 200: VisitListDto, ...errors },
      },
    },
    async (req) => listHouseholdVisits({ ctx: req.auth, input: { householdId: req.params.id } }),
  );
  app.post(
    '/api/households/:id/visits',
    {
      schema: {
        tags,
        summary: 'Record a visit to a household by the signed-in user',
        params: IdParam,
        body: CreateVisitInput,
        response: { 201: VisitDto, ...errors },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return recordVisit({ ctx: req.auth, input: { ...req.body, householdId: req.params.id } });
    },
  );
  app.get(
    '/api/visits/overdue',
    {
      schema: {
        tags,
        summary: 'Households in my scope whose visit is overdue, most overdue first',
        querystring: OverdueQuery,
        response: { 200: OverdueList, ...errors },
      },
    },
    async (req) => listOverdueVisits({ ctx: req.auth, input: req.query }),
  );
};
