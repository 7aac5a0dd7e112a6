import {
  AgreementTerms,
  CloseMediationInput,
  ErrorBody,
  FollowUpInput,
  MediationCaseDto,
  MediationCaseList,
  MediationParams,
  MediationQuery,
  OpenMediationInput,
  SessionInput,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { closeMediationCase } from './verbs/close-mediation-case.js';
import { draftMediationAgreement } from './verbs/draft-mediation-agreement.js';
import { getMediationCase } from './verbs/get-mediation-case.js';
import { listMediationCases } from './verbs/list-mediation-cases.js';
import { openMediationCase } from './verbs/open-mediation-case.js';
import { recordMediationFollowUp } from './verbs/record-mediation-follow-up.js';
import { recordMediationSession } from './verbs/record-mediation-session.js';
import { signMediationAgreement } from './verbs/sign-mediation-agreement.js';
import { updateMediationAgreement } from './verbs/update-mediation-agreement.js';

const tags = ['mediation'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const one = { 200: MediationCaseDto, ...errors };
const TermsBody = AgreementTerms;

/** 矛盾纠纷调解: cases, sessions, agreements (frozen once signed), closing and return visits. */
export const mediationRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/mediation/cases',
    {
      schema: {
        tags,
        summary: 'Cases the actor mediates or supervises',
        querystring: MediationQuery,
        response: { 200: MediationCaseList, ...errors },
      },
    },
    async (req) => listMediationCases({ ctx: req.auth, input: req.query }),
  );
  app.post(
    '/api/mediation/cases',
    { schema: { tags, summary: 'Open a case, directly or from an order', body: OpenMediationInput, response: one } },
    async (req) => openMediationCase({ ctx: req.auth, input: req.body }),
  );
  app.get(
    '/api/mediation/cases/:id',
    { schema: { tags, summary: 'One case (parties masked except for its mediators)', params: MediationParams, response: one } },
    async (req) => getMediationCase({ ctx: req.auth, input: req.params }),
  );
  app.post(
    '/api/mediation/cases/:id/sessions',
    { schema: { tags, summary: 'Record a session', params: MediationParams, body: SessionInput, response: one } },
    async (req) => recordMediationSession({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/mediation/cases/:id/agreements',
    {
      schema: {
        tags,
        summary: 'Draft an agreement (a new version supersedes the signed one)',
        params: MediationParams,
        body: TermsBody,
        response: one,
      },
    },
    async (req) => draftMediationAgreement({ ctx: req.auth, input: { id: req.params.id, terms: req.body } }),
  );
  app.put(
    '/api/mediation/agreements/:id',
    { schema: { tags, summary: 'Change a draft agreement (409 once signed)', params: MediationParams, body: TermsBody, response: one } },
    async (req) => updateMediationAgreement({ ctx: req.auth, input: { id: req.params.id, terms: req.body } }),
  );
  app.post(
    '/api/mediation/agreements/:id/sign',
    { schema: { tags, summary: 'Record that the draft was signed', params: MediationParams, response: one } },
    async (req) => signMediationAgreement({ ctx: req.auth, input: req.params }),
  );
  app.post(
    '/api/mediation/cases/:id/close',
    { schema: { tags, summary: 'Close the case with its outcome', params: MediationParams, body: CloseMediationInput, response: one } },
    async (req) => closeMediationCase({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/mediation/cases/:id/follow-ups',
    { schema: { tags, summary: 'Record a return visit', params: MediationParams, body: FollowUpInput, response: one } },
    async (req) => recordMediationFollowUp({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
};
