import {
  ErrorBody,
  GiveBackOrderInput,
  HandOrderInput,
  IdParam,
  PendingHoursListDto,
  PendingHoursQuery,
  TeamDto,
  TeamInput,
  TeamMemberInput,
  TeamMemberParams,
  TeamUpdateInput,
  VolunteerOrderDto,
  VolunteerOrdersDto,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { createTeam, updateTeam } from './verbs/edit-team.js';
import { giveBackVolunteerOrder } from './verbs/give-back-volunteer-order.js';
import { handVolunteerOrder } from './verbs/hand-volunteer-order.js';
import { listPendingHours } from './verbs/list-pending-hours.js';
import { listVolunteerOrders } from './verbs/list-volunteer-orders.js';
import { addTeamMember, removeTeamMember } from './verbs/team-roster.js';

const tags = ['volunteers'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Teams and their rosters, the check of self-reported hours, and the orders a team leader hands its volunteers. */
export const volunteerTeamRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.post(
    '/api/volunteer-teams',
    { schema: { tags, summary: 'Add a volunteer team', body: TeamInput, response: { 201: TeamDto, ...errors } } },
    async (req, reply) => reply.code(201).send(await createTeam({ ctx: req.auth, input: req.body })),
  );
  app.patch(
    '/api/volunteer-teams/:id',
    {
      schema: {
        tags,
        summary: 'Rename a team or name its leader',
        params: IdParam,
        body: TeamUpdateInput,
        response: { 200: TeamDto, ...errors },
      },
    },
    async (req) => updateTeam({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/volunteer-teams/:id/members',
    {
      schema: {
        tags,
        summary: 'Put a volunteer on the roster',
        params: IdParam,
        body: TeamMemberInput,
        response: { 200: TeamDto, ...errors },
      },
    },
    async (req) => addTeamMember({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.delete(
    '/api/volunteer-teams/:id/members/:volunteerId',
    { schema: { tags, summary: 'Take a volunteer off the roster', params: TeamMemberParams, response: { 200: TeamDto, ...errors } } },
    async (req) => removeTeamMember({ ctx: req.auth, input: req.params }),
  );
  app.get(
    '/api/volunteer-hours/pending',
    {
      schema: {
        tags,
        summary: 'Self-reported hours waiting to be checked',
        querystring: PendingHoursQuery,
        response: { 200: PendingHoursListDto, ...errors },
      },
    },
    async (req) => listPendingHours({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/volunteer-orders',
    { schema: { tags, summary: "A volunteer's orders; the team's for its leader", response: { 200: VolunteerOrdersDto, ...errors } } },
    async (req) => listVolunteerOrders({ ctx: req.auth, input: {} }),
  );
  app.post(
    '/api/volunteer-orders/:id/hand',
    {
      schema: {
        tags,
        summary: 'The team leader hands an order to a volunteer of the team',
        params: IdParam,
        body: HandOrderInput,
        response: { 200: VolunteerOrderDto, ...errors },
      },
    },
    async (req) => handVolunteerOrder({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/volunteer-orders/:id/give-back',
    {
      schema: {
        tags,
        summary: 'The volunteer an order was handed to gives it back to the team leader, with the reason',
        params: IdParam,
        body: GiveBackOrderInput,
        response: { 200: VolunteerOrdersDto, ...errors },
      },
    },
    async (req) => giveBackVolunteerOrder({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
};
