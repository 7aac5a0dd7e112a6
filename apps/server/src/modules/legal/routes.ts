import {
  ConsultationDto,
  ConsultationInput,
  ConsultationList,
  ConsultationQuery,
  ErrorBody,
  LegalRosterDto,
  LegalRosterQuery,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { getLegalRoster } from './verbs/get-legal-roster.js';
import { listLegalConsultations } from './verbs/list-legal-consultations.js';
import { recordLegalConsultation } from './verbs/record-legal-consultation.js';

const tags = ['legal'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** 公益法律服务中心: the duty roster (residents see it in the portal) and the consultations recorded. */
export const legalRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/legal/roster',
    {
      schema: {
        tags,
        summary: "A community's legal service center and its lawyers on duty",
        querystring: LegalRosterQuery,
        response: { 200: LegalRosterDto, ...errors },
      },
    },
    async (req) => getLegalRoster({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/legal/consultations',
    { schema: { tags, summary: 'Consultations in scope', querystring: ConsultationQuery, response: { 200: ConsultationList, ...errors } } },
    async (req) => listLegalConsultations({ ctx: req.auth, input: req.query }),
  );
  app.post(
    '/api/legal/consultations',
    { schema: { tags, summary: 'Record a consultation', body: ConsultationInput, response: { 200: ConsultationDto, ...errors } } },
    async (req) => recordLegalConsultation({ ctx: req.auth, input: req.body }),
  );
};
