import {
  CreateProgrammeInput,
  EnrolInput,
  EndEnrolmentInput,
  EnrolmentListDto,
  EnrolmentParams,
  EnrolmentDto,
  ErrorBody,
  HouseholdProgrammesDto,
  ProgrammeDto,
  ProgrammeListDto,
  ProgrammeListQuery,
  ProgrammeParams,
  ProgrammeSessionDto,
  RecordSessionInput,
  UnservedDto,
  UnservedQuery,
  CreateSocialWorkerInput,
  OrderDto,
  UnservedOrderInput,
  UnservedParams,
  UpdateProgrammeInput,
  SocialOrgListDto,
  SocialWorkerDto,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { addSocialWorker } from './verbs/add-social-worker.js';
import { createProgramme } from './verbs/create-programme.js';
import { listSocialOrganisations } from './verbs/list-social-orgs.js';
import { endEnrolment } from './verbs/end-enrolment.js';
import { enrolResident } from './verbs/enrol-resident.js';
import { listEnrolments } from './verbs/list-enrolments.js';
import { listHouseholdProgrammes } from './verbs/list-household-programmes.js';
import { listProgrammes } from './verbs/list-programmes.js';
import { listUnserved } from './verbs/list-unserved.js';
import { orderForUnserved } from './verbs/order-for-unserved.js';
import { recordProgrammeSession } from './verbs/record-session.js';
import { updateProgramme } from './verbs/update-programme.js';

const tags = ['programmes'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** 一老一小: care programmes, their beneficiaries, sessions and attendance. */
export const programmeRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/programmes',
    {
      schema: {
        tags,
        summary: 'Care programmes in scope',
        querystring: ProgrammeListQuery,
        response: { 200: ProgrammeListDto, ...errors },
      },
    },
    async (req) => listProgrammes({ ctx: req.auth, input: req.query }),
  );
  app.post(
    '/api/programmes',
    { schema: { tags, summary: 'Create a care programme', body: CreateProgrammeInput, response: { 201: ProgrammeDto, ...errors } } },
    async (req, reply) => reply.code(201).send(await createProgramme({ ctx: req.auth, input: req.body })),
  );
  app.patch(
    '/api/programmes/:id',
    {
      schema: {
        tags,
        summary: "Edit a programme's kind, name, provider, venue or eligibility",
        params: ProgrammeParams,
        body: UpdateProgrammeInput,
        response: { 200: ProgrammeDto, ...errors },
      },
    },
    async (req) => updateProgramme({ ctx: req.auth, input: { ...req.body, programmeId: req.params.id } }),
  );
  app.post(
    '/api/programmes/:id/enrolments',
    {
      schema: {
        tags,
        summary: 'Enrol an eligible resident',
        params: ProgrammeParams,
        body: EnrolInput,
        response: { 201: EnrolmentDto, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await enrolResident({ ctx: req.auth, input: { ...req.body, programmeId: req.params.id } })),
  );
  app.get(
    '/api/programmes/:id/enrolments',
    {
      schema: {
        tags,
        summary: 'Live beneficiaries of a programme',
        params: ProgrammeParams,
        response: { 200: EnrolmentListDto, ...errors },
      },
    },
    async (req) => listEnrolments({ ctx: req.auth, input: { programmeId: req.params.id } }),
  );
  app.post(
    '/api/programmes/:id/enrolments/:enrolmentId/end',
    {
      schema: {
        tags,
        summary: 'End an enrolment, with the reason',
        params: EnrolmentParams,
        body: EndEnrolmentInput,
        response: { 200: EnrolmentDto, ...errors },
      },
    },
    async (req) => endEnrolment({ ctx: req.auth, input: { ...req.body, programmeId: req.params.id, enrolmentId: req.params.enrolmentId } }),
  );
  app.post(
    '/api/programmes/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Record a session held and who attended',
        params: ProgrammeParams,
        body: RecordSessionInput,
        response: { 201: ProgrammeSessionDto, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordProgrammeSession({ ctx: req.auth, input: { ...req.body, programmeId: req.params.id } })),
  );
  app.get(
    '/api/programmes/:id/unserved',
    {
      schema: {
        tags,
        summary: 'Eligible people not yet served',
        params: ProgrammeParams,
        querystring: UnservedQuery,
        response: { 200: UnservedDto, ...errors },
      },
    },
    async (req) => listUnserved({ ctx: req.auth, input: { ...req.query, programmeId: req.params.id } }),
  );
  app.post(
    '/api/programmes/:id/unserved/:residentId/order',
    {
      schema: {
        tags,
        summary: 'Turn the need of someone eligible but not served into a service order (proxy, with consent)',
        params: UnservedParams,
        body: UnservedOrderInput,
        response: { 201: OrderDto, ...errors },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await orderForUnserved({ ctx: req.auth, input: { ...req.body, programmeId: req.params.id, residentId: req.params.residentId } }),
        ),
  );
  app.get(
    '/api/households/:id/programmes',
    {
      schema: { tags, summary: 'What a household receives', params: ProgrammeParams, response: { 200: HouseholdProgrammesDto, ...errors } },
    },
    async (req) => listHouseholdProgrammes({ ctx: req.auth, input: { householdId: req.params.id } }),
  );
  app.get(
    '/api/social-orgs',
    {
      schema: {
        tags,
        summary: 'Social organisations, their social workers and programmes (三社联动)',
        response: { 200: SocialOrgListDto, ...errors },
      },
    },
    async (req) => listSocialOrganisations({ ctx: req.auth, input: undefined }),
  );
  app.post(
    '/api/social-orgs/:id/workers',
    {
      schema: {
        tags,
        summary: 'Register a social worker',
        params: ProgrammeParams,
        body: CreateSocialWorkerInput,
        response: { 201: SocialWorkerDto, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await addSocialWorker({ ctx: req.auth, input: { ...req.body, orgId: req.params.id } })),
  );
};
