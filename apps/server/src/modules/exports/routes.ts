import { ErrorBody, HouseholdListQuery, ResidentSearchQuery } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuthedCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { Pii } from '../../core/pii.js';
import { requireSession } from '../auth/plugin.js';
import { type ExportFile, exportHouseholds, exportResidents } from './service.js';
import { XLSX_TYPE, XlsxBody, attachment } from './xlsx-http.js';

const tags = ['exports'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 503: ErrorBody };

/** Excel export of the registry with the list endpoints' filters: streamed, masked, audited. */
export function exportRoutes(opts: { pii?: Pii }): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', requireSession);
    const send = (file: ExportFile) => ({
      type: XLSX_TYPE,
      disposition: attachment(file.fileName.ascii, file.fileName.local),
      body: file.stream,
    });

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
      async (req, reply) => {
        if (!opts.pii) throw new AppError('UNAVAILABLE');
        const out = send(await exportResidents({ ctx: req.ctx as AuthedCtx, pii: opts.pii, input: req.query }));
        return reply.type(out.type).header('content-disposition', out.disposition).send(out.body);
      },
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
      async (req, reply) => {
        const out = send(await exportHouseholds({ ctx: req.ctx as AuthedCtx, input: req.query }));
        return reply.type(out.type).header('content-disposition', out.disposition).send(out.body);
      },
    );
  };
}
