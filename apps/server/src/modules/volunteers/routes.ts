import {
  ErrorBody,
  HoursDto,
  HoursInput,
  IdParam,
  LedgerDto,
  StarSettingsInput,
  TeamListDto,
  VerifyHoursInput,
  VolunteerDto,
  VolunteerInput,
  VolunteerListDto,
  VolunteerListQuery,
} from '@linli/contracts';
import { z } from 'zod';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { getVolunteerLedger } from './verbs/get-volunteer-ledger.js';
import { listTeams } from './verbs/list-teams.js';
import { listVolunteers } from './verbs/list-volunteers.js';
import { recordHours } from './verbs/record-hours.js';
import { registerVolunteer } from './verbs/register-volunteer.js';
import { setStarThresholds } from './verbs/set-star-thresholds.js';
import { verifyHours } from './verbs/verify-hours.js';

const tags = ['volunteers'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const LedgerParams = z.object({ id: z.union([z.uuid(), z.literal('me')]) });
const CommunityQuery = z.object({ communityId: z.uuid().optional() });

/** 志愿者: the registry, teams, service records (hours) and star levels. */
export const volunteerRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/volunteers',
    { schema: { tags, summary: 'Volunteers in scope', querystring: VolunteerListQuery, response: { 200: VolunteerListDto, ...errors } } },
    async (req) => listVolunteers({ ctx: req.auth, input: req.query }),
  );
  app.post(
    '/api/volunteers',
    {
      schema: {
        tags,
        summary: 'Register a volunteer (staff) or oneself (portal)',
        body: VolunteerInput,
        response: { 201: VolunteerDto, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await registerVolunteer({ ctx: req.auth, input: req.body })),
  );
  app.get(
    '/api/volunteers/:id/ledger',
    {
      schema: {
        tags,
        summary: "A volunteer's service records, hours and stars (`me` for one's own)",
        params: LedgerParams,
        response: { 200: LedgerDto, ...errors },
      },
    },
    async (req) => getVolunteerLedger({ ctx: req.auth, input: req.params }),
  );
  app.get(
    '/api/volunteer-teams',
    { schema: { tags, summary: 'Volunteer teams in scope', querystring: CommunityQuery, response: { 200: TeamListDto, ...errors } } },
    async (req) => listTeams({ ctx: req.auth, input: req.query }),
  );
  app.post(
    '/api/volunteer-hours',
    { schema: { tags, summary: 'Record hours (organiser) or report one’s own', body: HoursInput, response: { 201: HoursDto, ...errors } } },
    async (req, reply) => reply.code(201).send(await recordHours({ ctx: req.auth, input: req.body })),
  );
  app.post(
    '/api/volunteer-hours/:id/verify',
    {
      schema: {
        tags,
        summary: 'Accept or reject self-reported hours',
        params: IdParam,
        body: VerifyHoursInput,
        response: { 200: HoursDto, ...errors },
      },
    },
    async (req) => verifyHours({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.put(
    '/api/volunteer-stars',
    {
      schema: {
        tags,
        summary: "A community's star thresholds",
        body: StarSettingsInput,
        response: { 200: StarSettingsInput, ...errors },
      },
    },
    async (req) => setStarThresholds({ ctx: req.auth, input: req.body }),
  );
};
