import { ErrorBody, HouseholdListQuery, ResidentSearchQuery } from '@linli/contracts';
import type { FastifyReply } from 'fastify';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import type { ExportFile } from './export-file.js';
import { exportHouseholds } from './verbs/export-households.js';
import { exportResidents } from './verbs/export-residents.js';
import { XLSX_TYPE, XlsxBody, attachment } from './xlsx-http.js';

const tags = ['exports'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 503: ErrorBody };

const send = (reply: FastifyReply, file: ExportFile) =>
  reply.type(XLSX_TYPE).header('content-disposition', attachment(file.fileName.ascii, file.fileName.local)).send(file.stream);

/** Excel export of the registry with the list endpoints' filters: streamed, masked, audited. */
export const exportRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/exports/residents.xlsx',
    {
      schema: {
        tags,
        summary: 'Residents matching the search filters, as .xlsx (masked)',
        querystring: ResidentSearchQuery,
        response: { 200: XlsxBody, ...errors },
      },
    },
    async (req, reply) => send(reply, await exportResidents({ ctx: req.auth, input: req.query })),
  );
  app.get(
    '/api/exports/households.xlsx',
    {
      schema: {
        tags,
        summary: 'Households matching the list filters, as .xlsx',
        querystring: HouseholdListQuery,
        response: { 200: XlsxBody, ...errors },
      },
    },
    async (req, reply) => send(reply, await exportHouseholds({ ctx: req.auth, input: req.query })),
  );
};
