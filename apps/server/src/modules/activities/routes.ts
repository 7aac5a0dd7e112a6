import {
  ActivityDto,
  ActivityFiguresDto,
  ActivityFiguresQuery,
  ActivityInput,
  ActivityListDto,
  ActivityListQuery,
  CheckInInput,
  CheckOutInput,
  ErrorBody,
  HoldActivityInput,
  IdParam,
  SignupDto,
  SignupListDto,
} from '@linli/contracts';
import { z } from 'zod';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { cancelSignup } from './verbs/cancel-signup.js';
import { checkInActivity } from './verbs/check-in-activity.js';
import { checkOutActivity } from './verbs/check-out-activity.js';
import { createActivity } from './verbs/create-activity.js';
import { getActivity } from './verbs/get-activity.js';
import { getActivityFigures } from './verbs/get-activity-figures.js';
import { holdActivity } from './verbs/hold-activity.js';
import { listActivities } from './verbs/list-activities.js';
import { listSignups } from './verbs/list-signups.js';
import { signUpActivity } from './verbs/sign-up-activity.js';

const tags = ['activities'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const CancelInput = z.object({ signupId: z.uuid().optional() });

/** 活动: publishing, sign-up with a waitlist, check-in by code, marking held (which credits volunteer hours), figures. */
export const activityRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Activities in scope or of one’s community',
        querystring: ActivityListQuery,
        response: { 200: ActivityListDto, ...errors },
      },
    },
    async (req) => listActivities({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/activities/figures',
    {
      schema: {
        tags,
        summary: 'Activities, people served and hours of a year or a period (by default the 365 days up to today)',
        querystring: ActivityFiguresQuery,
        response: { 200: ActivityFiguresDto, ...errors },
      },
    },
    async (req) => getActivityFigures({ ctx: req.auth, input: req.query }),
  );
  app.post(
    '/api/activities',
    { schema: { tags, summary: 'Publish an activity', body: ActivityInput, response: { 201: ActivityDto, ...errors } } },
    async (req, reply) => reply.code(201).send(await createActivity({ ctx: req.auth, input: req.body })),
  );
  app.get(
    '/api/activities/:id',
    { schema: { tags, summary: 'One activity', params: IdParam, response: { 200: ActivityDto, ...errors } } },
    async (req) => getActivity({ ctx: req.auth, input: req.params }),
  );
  app.get(
    '/api/activities/:id/signups',
    { schema: { tags, summary: 'The roster and waitlist', params: IdParam, response: { 200: SignupListDto, ...errors } } },
    async (req) => listSignups({ ctx: req.auth, input: req.params }),
  );
  app.post(
    '/api/activities/:id/sign-up',
    { schema: { tags, summary: 'Sign up (confirmed or waitlisted)', params: IdParam, response: { 200: ActivityDto, ...errors } } },
    async (req) => signUpActivity({ ctx: req.auth, input: req.params }),
  );
  app.post(
    '/api/activities/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a sign-up; the waitlist moves up',
        params: IdParam,
        body: CancelInput,
        response: { 200: ActivityDto, ...errors },
      },
    },
    async (req) => cancelSignup({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/activities/:id/check-in',
    {
      schema: {
        tags,
        summary: 'Check in by code, or (organiser) a sign-up',
        params: IdParam,
        body: CheckInInput,
        response: { 200: SignupDto, ...errors },
      },
    },
    async (req) => checkInActivity({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/activities/:id/check-out',
    { schema: { tags, summary: 'Check a participant out', params: IdParam, body: CheckOutInput, response: { 200: SignupDto, ...errors } } },
    async (req) => checkOutActivity({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/activities/:id/hold',
    {
      schema: {
        tags,
        summary: 'Record it as held; credits volunteer hours',
        params: IdParam,
        body: HoldActivityInput,
        response: { 200: ActivityDto, ...errors },
      },
    },
    async (req) => holdActivity({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
};
