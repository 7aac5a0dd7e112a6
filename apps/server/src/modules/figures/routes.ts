import { ErrorBody, FiguresDto, FiguresQuery } from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import { XLSX_TYPE, XlsxBody, attachment } from '../exports/xlsx-http.js';
import type { ModuleRoutes } from '../module.js';
import { exportFigures } from './verbs/export-figures.js';
import { getFigures } from './verbs/get-figures.js';

const tags = ['figures'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Order figures (工单统计): the three rates and the rest, per group and per month, and as Excel. */
export const figureRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/figures',
    {
      schema: {
        tags,
        summary: 'Order figures of my scope (or one area) for orders placed in the period: totals, groups, months',
        querystring: FiguresQuery,
        response: { 200: FiguresDto, ...errors },
      },
    },
    async (req) => getFigures({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/figures/export.xlsx',
    {
      schema: { tags, summary: 'The same figures as an Excel workbook', querystring: FiguresQuery, response: { 200: XlsxBody, ...errors } },
    },
    async (req, reply) => {
      const { workbook, from, to } = await exportFigures({ ctx: req.auth, input: req.query });
      const name = `figures-${from.replaceAll('-', '')}-${to.replaceAll('-', '')}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(name, `工单统计-${from}-${to}.xlsx`))
        .send(workbook);
    },
  );
};
